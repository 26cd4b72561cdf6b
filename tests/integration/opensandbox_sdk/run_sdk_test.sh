#!/usr/bin/env bash
# Installs the official OpenSandbox JavaScript SDK from npm into the build folder (once), then
# runs the node test against the emulator.  run_sdk_test.sh SDK_DIR EMULATOR TEST_FILE [SANDBOXCTL]
set -euo pipefail
sdk_dir=$1 emulator=$2 test_file=$3
if [[ ! -d $sdk_dir/node_modules/@alibaba-group/opensandbox ]]; then
    if ! npm install --prefix "$sdk_dir" --no-audit --no-fund --no-save \
        @alibaba-group/opensandbox; then
        echo "opensandbox_sdk: npm install of @alibaba-group/opensandbox failed;" \
            "this test needs the npm registry" >&2
        exit 1
    fi
fi
OPENSANDBOX_SDK_DIR=$sdk_dir OPENSANDBOX_EMULATOR=$emulator SANDBOXCTL=${4:-} \
    exec node --test "$test_file"
