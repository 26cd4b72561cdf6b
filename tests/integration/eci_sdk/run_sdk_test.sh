#!/usr/bin/env bash
# Installs the official Alibaba Cloud SDK from npm into the build folder (once), then runs
# the node test against the emulator.  run_sdk_test.sh SDK_DIR EMULATOR TEST_FILE
set -euo pipefail
sdk_dir=$1 emulator=$2 test_file=$3
if [[ ! -d $sdk_dir/node_modules/@alicloud/eci20180808 || ! -d $sdk_dir/node_modules/@alicloud/openapi-client ]]; then
    if ! npm install --prefix "$sdk_dir" --no-audit --no-fund --no-save \
        @alicloud/eci20180808 @alicloud/openapi-client; then
        echo "eci_sdk: npm install of @alicloud/eci20180808 and @alicloud/openapi-client failed;" \
            "this test needs the npm registry" >&2
        exit 1
    fi
fi
ECI_SDK_DIR=$sdk_dir ECI_EMULATOR=$emulator exec node --test "$test_file"
