// Holds the emulator to OpenSandbox's own code: the official JavaScript SDK (from npm) creates,
// lists, inspects, runs streamed commands in, writes and reads files of, renews, pauses,
// resumes and kills sandboxes through it, directly and through the server's proxy.
// Needs OPENSANDBOX_SDK_DIR (where npm installed the SDK), OPENSANDBOX_EMULATOR, DOCKER_HOST,
// SANDBOXDESK_TEST_IMAGE.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';

for (const name of ['OPENSANDBOX_SDK_DIR', 'OPENSANDBOX_EMULATOR', 'DOCKER_HOST', 'SANDBOXDESK_TEST_IMAGE']) {
    if (!process.env[name]) throw new Error(`${name} is not set: run through scripts/test`);
}
const sdk = await import(pathToFileURL(path.join(process.env.OPENSANDBOX_SDK_DIR, 'node_modules',
    '@alibaba-group', 'opensandbox', 'dist', 'index.js')).href);
const { ConnectionConfig, Sandbox, SandboxManager } = sdk;

const API_KEY = 'sdk-test-key-0b7d';
const INSTANCE = `sdk-${randomUUID()}`;
const IMAGE = process.env.SANDBOXDESK_TEST_IMAGE;
let emulator;
let domain;

before(async () => {
    emulator = spawn(process.env.OPENSANDBOX_EMULATOR, ['--listen', '127.0.0.1:0', '--docker-host',
        process.env.DOCKER_HOST, '--api-key', API_KEY, '--instance', INSTANCE],
        { stdio: ['ignore', 'pipe', 'inherit'] });
    const port = await new Promise((resolve, reject) => {
        let out = '';
        emulator.stdout.on('data', (chunk) => {
            out += chunk;
            const match = /listening on 127\.0\.0\.1:(\d+)/.exec(out);
            if (match) resolve(Number(match[1]));
        });
        emulator.on('exit', (code) => reject(new Error(`opensandbox-emulator exited with ${code}`)));
    });
    domain = `127.0.0.1:${port}`;
});

after(() => {
    emulator?.kill();
    const ids = execFileSync('docker', ['ps', '-aq', '--filter',
        `label=sandboxdesk.opensandbox/emulator=${INSTANCE}`]).toString().split('\n').filter(Boolean);
    if (ids.length) execFileSync('docker', ['rm', '-f', ...ids]);
});

function connection(options = {}) {
    return new ConnectionConfig({ domain, apiKey: API_KEY, protocol: 'http', disableMetrics: true,
        ...options });
}

test('a wrong API key is refused and not echoed', async () => {
    const wrong = 'wrong-key-5f1e9c';
    await assert.rejects(
        Sandbox.create({ connectionConfig: connection({ apiKey: wrong }), image: IMAGE }),
        (error) => {
            assert.equal(error.statusCode, 401);
            assert.ok(!JSON.stringify(error.rawBody ?? '').includes(wrong));
            assert.ok(!String(error.message).includes(wrong));
            return true;
        });
});

test('the lifecycle, commands and files through the official SDK', async () => {
    const tag = `sdk${Date.now()}`;
    const created = [];
    try {
        const sandbox = await Sandbox.create({
            connectionConfig: connection(), image: IMAGE, timeoutSeconds: 120,
            metadata: { suite: tag }, env: { GREETING: 'hello from env' },
        });
        created.push(sandbox);
        const other = await Sandbox.create({
            connectionConfig: connection(), image: IMAGE, timeoutSeconds: null,
            metadata: { suite: tag, role: 'other' },
        });
        created.push(other);

        const info = await sandbox.getInfo();
        assert.equal(info.id, sandbox.id);
        assert.equal(info.status.state, 'Running');
        assert.equal(info.metadata.suite, tag);
        assert.equal(info.image.uri, IMAGE);
        assert.deepEqual(info.entrypoint, ['tail', '-f', '/dev/null']);
        const left = info.expiresAt.getTime() - Date.now();
        assert.ok(left > 60_000 && left <= 121_000, `expires in ${left} ms`);
        assert.equal((await other.getInfo()).expiresAt, null);

        // list: metadata and state filters, pages
        const manager = SandboxManager.create({ connectionConfig: connection() });
        const both = await manager.listSandboxInfos({ metadata: { suite: tag } });
        assert.deepEqual(both.items.map((s) => s.id).sort(), [sandbox.id, other.id].sort());
        assert.equal(both.pagination.totalItems, 2);
        const first = await manager.listSandboxInfos({ metadata: { suite: tag }, pageSize: 1 });
        assert.equal(first.items.length, 1);
        assert.equal(first.pagination.totalPages, 2);
        assert.equal(first.pagination.hasNextPage, true);
        const second = await manager.listSandboxInfos({ metadata: { suite: tag }, pageSize: 1, page: 2 });
        assert.equal(second.pagination.hasNextPage, false);
        assert.notEqual(second.items[0].id, first.items[0].id);
        const onlyOther = await manager.listSandboxInfos({ metadata: { suite: tag, role: 'other' } });
        assert.deepEqual(onlyOther.items.map((s) => s.id), [other.id]);

        // commands: streamed stdout and stderr apart, exit codes
        const streamed = { out: [], err: [] };
        const run = await sandbox.commands.run(
            'echo "$GREETING"; echo oops >&2; sleep 1; echo later; exit 3', {},
            { onStdout: (m) => streamed.out.push(m.text), onStderr: (m) => streamed.err.push(m.text) });
        assert.equal(run.exitCode, 3);
        assert.equal(streamed.out.join(''), 'hello from env\nlater\n');
        assert.equal(streamed.err.join(''), 'oops\n');
        assert.ok(run.id);
        const ok = await sandbox.commands.run('pwd; echo "$X"', { workingDirectory: '/tmp', envs: { X: 'y z' } });
        assert.equal(ok.exitCode, 0);
        assert.equal(ok.logs.stdout.map((m) => m.text).join(''), '/tmp\ny z\n');
        const status = await sandbox.commands.getCommandStatus(run.id);
        assert.equal(status.running, false);
        assert.equal(status.exitCode, 3);

        // a background command and its logs
        const background = await sandbox.commands.run('echo one; sleep 1; echo two', { background: true });
        assert.ok(background.id);
        let logs;
        for (let i = 0; i < 50; ++i) {
            const s = await sandbox.commands.getCommandStatus(background.id);
            if (!s.running) break;
            await new Promise((r) => setTimeout(r, 100));
        }
        logs = await sandbox.commands.getBackgroundCommandLogs(background.id);
        assert.equal(logs.content, 'one\ntwo\n');
        const tail = await sandbox.commands.getBackgroundCommandLogs(background.id, logs.cursor);
        assert.equal(tail.content, '');

        // files: write, read, info, list, search, move, delete
        await sandbox.files.writeFiles([
            { path: '/tmp/sdk/a.txt', data: 'hello files\n', mode: 600 },
            { path: '/tmp/sdk/sub/b.bin', data: new Uint8Array([0, 1, 2, 255, 10, 13]) },
        ]);
        assert.equal(await sandbox.files.readFile('/tmp/sdk/a.txt'), 'hello files\n');
        assert.deepEqual([...await sandbox.files.readBytes('/tmp/sdk/sub/b.bin')], [0, 1, 2, 255, 10, 13]);
        assert.equal(await sandbox.files.readFile('/tmp/sdk/a.txt', { range: 'bytes=6-10' }), 'files');
        const fileInfo = await sandbox.files.getFileInfo(['/tmp/sdk/a.txt']);
        assert.equal(fileInfo['/tmp/sdk/a.txt'].size, 12);
        assert.equal(fileInfo['/tmp/sdk/a.txt'].mode, 600);
        assert.equal(fileInfo['/tmp/sdk/a.txt'].type, 'file');
        const listed = await sandbox.files.listDirectory({ path: '/tmp/sdk', depth: 2 });
        assert.deepEqual(listed.map((f) => f.path), ['/tmp/sdk/a.txt', '/tmp/sdk/sub', '/tmp/sdk/sub/b.bin']);
        const found = await sandbox.files.search({ path: '/tmp/sdk', pattern: '*.bin' });
        assert.deepEqual(found.map((f) => f.path), ['/tmp/sdk/sub/b.bin']);
        await sandbox.files.moveFiles([{ src: '/tmp/sdk/a.txt', dest: '/tmp/sdk/c.txt' }]);
        await sandbox.files.deleteFiles(['/tmp/sdk/sub/b.bin']);
        const after = await sandbox.files.listDirectory({ path: '/tmp/sdk', depth: 2 });
        assert.deepEqual(after.map((f) => f.path), ['/tmp/sdk/c.txt', '/tmp/sdk/sub']);
        await assert.rejects(sandbox.files.readFile('/tmp/sdk/a.txt'), (e) => e.statusCode === 404);

        // renew
        const renewed = await sandbox.renew(3600);
        assert.ok(renewed.expiresAt.getTime() - Date.now() > 3500_000);
        assert.equal((await sandbox.getInfo()).expiresAt.getTime(), renewed.expiresAt.getTime());

        // pause and resume
        await sandbox.pause();
        assert.equal((await sandbox.getInfo()).status.state, 'Paused');
        assert.equal(await sandbox.isHealthy(), false);
        const resumed = await sandbox.resume();
        created.push(resumed);
        assert.equal((await resumed.getInfo()).status.state, 'Running');
        const again = await resumed.commands.run('cat /tmp/sdk/c.txt');
        assert.equal(again.logs.stdout.map((m) => m.text).join(''), 'hello files\n');

        // the server's proxy, as useServerProxy asks for it
        const proxied = await Sandbox.connect({ sandboxId: other.id,
            connectionConfig: connection({ useServerProxy: true }) });
        created.push(proxied);
        const endpoint = await proxied.getEndpoint(44772);
        assert.equal(endpoint.endpoint, `${domain}/sandboxes/${other.id}/proxy/44772`);
        const viaProxy = await proxied.commands.run('echo proxied');
        assert.equal(viaProxy.logs.stdout.map((m) => m.text).join(''), 'proxied\n');

        // kill
        await sandbox.kill();
        await assert.rejects(sandbox.getInfo(), (e) => e.statusCode === 404);
        await other.kill();
        const none = await manager.listSandboxInfos({ metadata: { suite: tag } });
        assert.equal(none.items.length, 0);
        await manager.close();
    } finally {
        for (const s of created) await s.close().catch(() => {});
    }
});
