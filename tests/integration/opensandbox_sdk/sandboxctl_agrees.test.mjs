// sandboxctl --opensandbox and the official OpenSandbox JavaScript SDK look at the same
// emulator: what one does, the other sees, in the same words (ids, states, names, expiry).
// Needs OPENSANDBOX_SDK_DIR, OPENSANDBOX_EMULATOR, SANDBOXCTL, DOCKER_HOST, SANDBOXDESK_TEST_IMAGE.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';

for (const name of ['OPENSANDBOX_SDK_DIR', 'OPENSANDBOX_EMULATOR', 'SANDBOXCTL', 'DOCKER_HOST',
    'SANDBOXDESK_TEST_IMAGE']) {
    if (!process.env[name]) throw new Error(`${name} is not set: run through scripts/test`);
}
const sdk = await import(pathToFileURL(path.join(process.env.OPENSANDBOX_SDK_DIR, 'node_modules',
    '@alibaba-group', 'opensandbox', 'dist', 'index.js')).href);
const { ConnectionConfig, Sandbox, SandboxManager } = sdk;

const API_KEY = 'ctl-test-key-5e2a';
const INSTANCE = `ctl-${randomUUID()}`;
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

function connection() {
    return new ConnectionConfig({ domain, apiKey: API_KEY, protocol: 'http', disableMetrics: true });
}

// sandboxctl with the SDK's environment variables; stdout, stderr and the exit code.
function ctl(args, env = {}) {
    const result = spawnSync(process.env.SANDBOXCTL, args, {
        encoding: 'utf8', timeout: 60_000,
        env: { ...process.env, OPEN_SANDBOX_DOMAIN: domain, OPEN_SANDBOX_API_KEY: API_KEY, ...env },
    });
    return { out: result.stdout, err: result.stderr, code: result.status };
}

function ctlOk(args) {
    const result = ctl(args);
    assert.equal(result.code, 0, `sandboxctl ${args.join(' ')}: ${result.err}`);
    return result.out;
}

// sandboxctl list --json, narrowed to one suite.
function ctlList(tag) {
    return JSON.parse(ctlOk(['--opensandbox', 'list', '--json']))
        .filter((s) => s.labels.suite === tag);
}

const seconds = (date) => Math.floor(new Date(date).getTime() / 1000);

test('sandboxctl and the SDK agree on the same server', async () => {
    const tag = `ctl${Date.now()}`;
    const fromSdk = await Sandbox.create({ connectionConfig: connection(), image: IMAGE,
        timeoutSeconds: 300, metadata: { suite: tag, name: 'by-sdk' } });
    const byCtl = ctlOk(['--opensandbox', 'create', '--image', IMAGE, '--name', 'by-ctl', '--label',
        `suite=${tag}`, '--env', 'GREETING=hi', '--ttl', '10m', '--', 'sh', '-c',
        'echo "booted $GREETING"; exec tail -f /dev/null']).trim();
    assert.match(byCtl, /^[0-9a-f-]{36}$/);

    // The same list, in the same words.
    const manager = SandboxManager.create({ connectionConfig: connection() });
    let sdkList;
    for (let i = 0; i < 100; ++i) {
        sdkList = await manager.listSandboxInfos({ metadata: { suite: tag } });
        if (sdkList.items.every((s) => s.status.state === 'Running')) break;
        await new Promise((r) => setTimeout(r, 100));
    }
    const ctlList1 = ctlList(tag);
    assert.deepEqual(ctlList1.map((s) => s.id).sort(), sdkList.items.map((s) => s.id).sort());
    assert.deepEqual(ctlList1.map((s) => s.id).sort(), [fromSdk.id, byCtl].sort());
    for (const item of sdkList.items) {
        const mine = ctlList1.find((s) => s.id === item.id);
        assert.equal(mine.statusText, item.status.state);
        assert.equal(mine.status, 'running');
        assert.equal(mine.name, item.metadata.name);
        assert.equal(mine.image, item.image.uri);
        assert.equal(seconds(mine.expiresAt), seconds(item.expiresAt));
        assert.deepEqual(mine.labels, item.metadata);
    }
    const byCtlInfo = await (await Sandbox.connect({ sandboxId: byCtl,
        connectionConfig: connection() })).getInfo();
    assert.deepEqual(byCtlInfo.entrypoint,
        ['sh', '-c', 'echo "booted $GREETING"; exec tail -f /dev/null']);
    const left = byCtlInfo.expiresAt.getTime() - Date.now();
    assert.ok(left > 590_000 && left <= 601_000, `expires in ${left} ms`);

    // The table names both, by name.
    const table = ctlOk(['--opensandbox', 'list']);
    assert.match(table, /by-sdk/);
    assert.match(table, /by-ctl/);

    // Pause and resume by sandboxctl, seen by the SDK; by name.
    assert.equal(ctlOk(['--opensandbox', 'pause', 'by-sdk']).trim(), 'by-sdk');
    assert.equal((await fromSdk.getInfo()).status.state, 'Paused');
    assert.equal(ctlList(tag).find((s) => s.id === fromSdk.id).status, 'paused');
    assert.equal(ctlOk(['--opensandbox', 'resume', fromSdk.id]).trim(), fromSdk.id);
    assert.equal((await fromSdk.getInfo()).status.state, 'Running');

    // Renew by sandboxctl, seen by the SDK; renew by the SDK, seen by sandboxctl.
    // renew: DURATION from now, as the SDK's renew(seconds).
    const asked = Date.now();
    const renewed = ctlOk(['--opensandbox', 'renew', byCtl, '2h']);
    const renewedAt = /expires at (\S+)/.exec(renewed)[1];
    const ahead = new Date(renewedAt).getTime() - asked;
    assert.ok(ahead > 7_198_000 && ahead < 7_210_000, `${ahead} ms`);
    const afterCtl = await (await Sandbox.connect({ sandboxId: byCtl,
        connectionConfig: connection() })).getInfo();
    assert.equal(seconds(afterCtl.expiresAt), seconds(renewedAt));
    assert.ok(afterCtl.expiresAt.getTime() - Date.now() > 7_100_000);
    const sdkRenewed = await fromSdk.renew(1800);
    const inspected = JSON.parse(ctlOk(['--opensandbox', 'inspect', fromSdk.id]));
    assert.equal(seconds(inspected.expiresAt), seconds(sdkRenewed.expiresAt));
    assert.equal(inspected.status.state, 'Running');

    // exec through execd: streams apart, the command's exit code; what it wrote the SDK reads.
    const ran = ctl(['--opensandbox', 'exec', 'by-ctl', '--', 'sh', '-c',
        'echo out; echo err >&2; echo from-ctl > /tmp/ctl.txt; exit 5']);
    assert.equal(ran.code, 5, ran.err);
    assert.equal(ran.out, 'out\n');
    assert.equal(ran.err, 'err\n');
    const viaSdk = await Sandbox.connect({ sandboxId: byCtl, connectionConfig: connection() });
    assert.equal(await viaSdk.files.readFile('/tmp/ctl.txt'), 'from-ctl\n');
    await viaSdk.files.writeFiles([{ path: '/tmp/sdk.txt', data: 'from-sdk\n' }]);
    assert.equal(ctlOk(['--opensandbox', 'exec', byCtl, '--', 'cat', '/tmp/sdk.txt']), 'from-sdk\n');
    // ls through execd's files API shows what both wrote.
    const listing = ctlOk(['--opensandbox', 'ls', 'by-ctl:/tmp']).split('\n');
    assert.ok(listing.includes('ctl.txt') && listing.includes('sdk.txt'), listing.join(','));
    assert.equal(ctlOk(['--opensandbox', 'cat', 'by-ctl:/tmp/sdk.txt']), 'from-sdk\n');
    // logs: the entry process's output.
    assert.equal(ctlOk(['--opensandbox', 'logs', 'by-ctl']), 'booted hi\n');
    assert.equal(ctl(['--opensandbox', 'exec', 'no-such-sandbox', '--', 'true']).code, 2);

    // Unknown sandboxes: exit code 2, as for Docker and ECI.
    assert.equal(ctl(['--opensandbox', 'inspect', 'no-such-sandbox']).code, 2);
    assert.equal(ctl(['--opensandbox', 'pause', 'no-such-sandbox']).code, 2);
    assert.equal(ctl(['--opensandbox', 'renew', 'no-such-sandbox', '1h']).code, 2);
    assert.equal(ctl(['--opensandbox', 'renew', byCtl, 'soon']).code, 64);

    // The domain as a URL on the command line, without OPEN_SANDBOX_DOMAIN.
    const byUrl = ctl(['--opensandbox', `http://${domain}`, 'list', '--json'],
        { OPEN_SANDBOX_DOMAIN: '' });
    assert.equal(byUrl.code, 0, byUrl.err);
    assert.equal(JSON.parse(byUrl.out).filter((s) => s.labels.suite === tag).length, 2);

    // Removed by sandboxctl: gone for the SDK.
    assert.equal(ctlOk(['--opensandbox', 'rm', fromSdk.id, byCtl]).trim().split('\n').length, 2);
    await assert.rejects(fromSdk.getInfo(), (e) => e.statusCode === 404);
    assert.equal((await manager.listSandboxInfos({ metadata: { suite: tag } })).items.length, 0);
    assert.equal(ctlList(tag).length, 0);
    await manager.close();
});

test('sandboxctl jobs are execd background commands that the SDK sees', async () => {
    const sandbox = await Sandbox.create({ connectionConfig: connection(), image: IMAGE,
        timeoutSeconds: 300, metadata: { suite: `jobs${Date.now()}` } });
    const job = ctlOk(['--opensandbox', 'jobs', 'start', sandbox.id, '--', 'sh', '-c',
        'echo first; sleep 1; echo second >&2; exit 3']).trim();
    assert.match(job, /^[0-9a-z]{8}$/);
    // The job's record names execd's own command, which the SDK asks about.
    const commandId = ctlOk(['--opensandbox', 'cat',
        `${sandbox.id}:/tmp/.sandboxdesk/jobs/${job}/command-id`]).trim();
    assert.ok(commandId.length > 0);
    const running = await sandbox.commands.getCommandStatus(commandId);
    assert.equal(running.running, true);
    assert.equal(ctl(['--opensandbox', 'jobs', 'wait', sandbox.id, job]).code, 3);
    const ended = await sandbox.commands.getCommandStatus(commandId);
    assert.equal(ended.running, false);
    assert.equal(ended.exitCode, 3);
    const logs = await sandbox.commands.getBackgroundCommandLogs(commandId);
    assert.equal(logs.content, 'first\nsecond\n');
    assert.equal(ctlOk(['--opensandbox', 'jobs', 'logs', sandbox.id, job]), logs.content);
    assert.match(ctlOk(['--opensandbox', 'jobs', 'list', sandbox.id]), /exited \(3\)/);

    // A kill by sandboxctl is execd's interrupt: the SDK sees the command end.
    const sleeper = ctlOk(['--opensandbox', 'jobs', 'start', sandbox.id, '--', 'sleep', '300'])
        .trim();
    const sleeperId = ctlOk(['--opensandbox', 'cat',
        `${sandbox.id}:/tmp/.sandboxdesk/jobs/${sleeper}/command-id`]).trim();
    assert.equal((await sandbox.commands.getCommandStatus(sleeperId)).running, true);
    ctlOk(['--opensandbox', 'jobs', 'kill', sandbox.id, sleeper]);
    assert.ok(ctl(['--opensandbox', 'jobs', 'wait', sandbox.id, sleeper]).code > 128);
    assert.equal((await sandbox.commands.getCommandStatus(sleeperId)).running, false);
    assert.match(ctlOk(['--opensandbox', 'jobs', 'list', sandbox.id]), /killed/);
    await sandbox.kill();
});

test('a wrong API key is refused and never printed', () => {
    const wrong = 'CANARY-ctl-wrong-91c4';
    const result = ctl(['--opensandbox', 'list'], { OPEN_SANDBOX_API_KEY: wrong });
    assert.equal(result.code, 1);
    assert.match(result.err, /INVALID_API_KEY/);
    assert.match(result.err, /Request ID/);
    assert.ok(!result.err.includes(wrong) && !result.out.includes(wrong));
    const none = ctl(['--opensandbox', 'list'], { OPEN_SANDBOX_API_KEY: '' });
    assert.equal(none.code, 1);
    assert.match(none.err, /OPEN_SANDBOX_API_KEY/);
});

// One ustar entry: a header block, then the content padded to 512 bytes.
function tarEntry(name, content) {
    const header = Buffer.alloc(512);
    header.write(name, 0, 100);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(content.length.toString(8).padStart(11, '0') + '\0', 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\0' + '00', 257);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    const padding = Buffer.alloc((512 - (content.length % 512)) % 512);
    return Buffer.concat([header, content, padding]);
}

test('sandboxctl cp through execd, both ways, read by the SDK; stats from execd', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const tag = `cp${Date.now()}`;
    const id = ctlOk(['--opensandbox', 'create', '--image', IMAGE, '--name', 'cp-ctl', '--label',
        `suite=${tag}`, '--ttl', '10m', '--', 'sh', '-c', 'exec tail -f /dev/null']).trim();
    for (let i = 0; i < 100 && ctlList(tag)[0]?.status !== 'running'; ++i)
        await new Promise((r) => setTimeout(r, 100));
    const local = fs.mkdtempSync(path.join(os.tmpdir(), 'osb-cp-'));
    const big = Buffer.alloc(3 * 1024 * 1024);
    for (let i = 0; i < big.length; ++i) big[i] = (i * 7919) % 251;
    fs.writeFileSync(path.join(local, 'big.bin'), big);
    fs.mkdirSync(path.join(local, 'tree', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(local, 'tree', 'a.txt'), 'alpha\n');
    fs.writeFileSync(path.join(local, 'tree', 'sub', 'b.txt'), 'beta\n');

    // In: a file under a new name, and a folder into a folder.
    ctlOk(['--opensandbox', 'cp', path.join(local, 'big.bin'), 'cp-ctl:/tmp/big.copy']);
    ctlOk(['--opensandbox', 'cp', path.join(local, 'tree'), 'cp-ctl:/tmp']);
    const sandbox = await Sandbox.connect({ sandboxId: id, connectionConfig: connection() });
    assert.equal(await sandbox.files.readFile('/tmp/tree/sub/b.txt'), 'beta\n');
    assert.equal(ctlOk(['--opensandbox', 'exec', id, '--', 'sh', '-c',
        'wc -c < /tmp/big.copy; cat /tmp/tree/a.txt']), `${big.length}\nalpha\n`);

    // Out again: the same bytes.
    const back = fs.mkdtempSync(path.join(os.tmpdir(), 'osb-back-'));
    ctlOk(['--opensandbox', 'cp', 'cp-ctl:/tmp/big.copy', path.join(back, 'big.bin')]);
    ctlOk(['--opensandbox', 'cp', 'cp-ctl:/tmp/tree', back]);
    assert.ok(fs.readFileSync(path.join(back, 'big.bin')).equals(big));
    assert.equal(fs.readFileSync(path.join(back, 'tree', 'sub', 'b.txt'), 'utf8'), 'beta\n');
    assert.equal(fs.readFileSync(path.join(back, 'tree', 'a.txt'), 'utf8'), 'alpha\n');

    // A tar on stdin whose names climb out or are absolute is refused, nothing outside written.
    for (const name of ['../escaped', '/escaped', 'in/../../escaped']) {
        const archive = Buffer.concat([tarEntry(name, Buffer.from('evil')), Buffer.alloc(1024)]);
        const result = spawnSync(process.env.SANDBOXCTL, ['--opensandbox', 'cp', '-',
            'cp-ctl:/tmp/tree'], { input: archive, encoding: 'utf8', timeout: 60_000,
            env: { ...process.env, OPEN_SANDBOX_DOMAIN: domain, OPEN_SANDBOX_API_KEY: API_KEY } });
        assert.equal(result.status, 1, result.stderr);
        assert.match(result.stderr, /escaped/);
    }
    assert.equal(ctl(['--opensandbox', 'exec', id, '--', 'sh', '-c',
        'ls /tmp/escaped /escaped']).code, 1);
    fs.rmSync(local, { recursive: true });
    fs.rmSync(back, { recursive: true });

    // stats: one measurement from execd's metrics, as for Docker.
    const stats = JSON.parse(ctlOk(['--opensandbox', 'stats', '--no-stream', '--json', 'cp-ctl']));
    assert.equal(stats.length, 1);
    assert.equal(stats[0].id, id);
    assert.equal(stats[0].backend, `opensandbox:${domain}`);
    assert.equal(stats[0].measured, true);
    assert.ok(stats[0].memoryBytes > 0 && stats[0].memoryLimitBytes > stats[0].memoryBytes,
        JSON.stringify(stats[0]));
    assert.ok(Math.abs(new Date(stats[0].time).getTime() - Date.now()) < 60_000);
    assert.equal(ctl(['--opensandbox', 'stats', '--no-stream', 'no-such-sandbox']).code, 2);
    ctlOk(['--opensandbox', 'rm', id]);
});
