// The reference figures for bench_opensandbox: the official OpenSandbox JavaScript SDK on the
// same emulator. node opensandbox_sdk_bench.mjs SDK_DIR DOMAIN API_KEY PAGE_SIZE SANDBOX_ID RUNS
// Prints one JSON object: the list's pages and milliseconds, and command first-byte times.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [sdkDir, domain, apiKey, pageSizeText, sandboxId, runsText, download, upload] =
    process.argv.slice(2);
const sdk = await import(pathToFileURL(path.join(sdkDir, 'node_modules', '@alibaba-group',
    'opensandbox', 'dist', 'index.js')).href);
const { ConnectionConfig, Sandbox, SandboxManager } = sdk;
const connectionConfig = new ConnectionConfig({ domain, apiKey, protocol: 'http',
    disableMetrics: true });

const pageSize = Number(pageSizeText);
const manager = SandboxManager.create({ connectionConfig });
let started = performance.now();
let pages = 0;
let total = 0;
for (let page = 1; ; ++page) {
    const result = await manager.listSandboxInfos({ page, pageSize });
    ++pages;
    total += result.items.length;
    if (!result.pagination.hasNextPage) break;
}
const listMs = performance.now() - started;
await manager.close();

const firstByte = [];
const whole = [];
const runs = Number(runsText);
const sandbox = runs > 0 ? await Sandbox.connect({ sandboxId, connectionConfig }) : null;
for (let i = 0; i < runs; ++i) {
    started = performance.now();
    let first = -1;
    await sandbox.commands.run('echo x', {}, { onStdout: () => {
        if (first < 0) first = performance.now() - started;
    } });
    whole.push(performance.now() - started);
    firstByte.push(first);
}
let downloadBytes = 0;
let downloadMs = 0;
if (sandbox && download) {
    started = performance.now();
    downloadBytes = (await sandbox.files.readBytes(download)).length;
    downloadMs = performance.now() - started;
}
let uploadBytes = 0;
let uploadMs = 0;
if (sandbox && upload) {
    const { readFileSync } = await import('node:fs');
    const data = readFileSync(upload);
    started = performance.now();
    await sandbox.files.writeFiles([{ path: '/tmp/bench-upload-sdk', data }]);
    uploadMs = performance.now() - started;
    uploadBytes = data.length;
}
await sandbox?.close();
console.log(JSON.stringify({ pages, total, listMs, firstByte, whole, downloadBytes, downloadMs,
    uploadBytes, uploadMs }));
