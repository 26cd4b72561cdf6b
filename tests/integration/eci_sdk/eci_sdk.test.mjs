// Holds the emulator to Alibaba's own code: the official Node SDK (from npm) creates, lists
// across pages, runs commands in (ExecContainerCommand), reads the logs of and deletes
// container groups through it, signed with V3 and with V1.
// Needs ECI_SDK_DIR (where npm installed the SDK), ECI_EMULATOR, DOCKER_HOST, SANDBOXDESK_TEST_IMAGE.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';

for (const name of ['ECI_SDK_DIR', 'ECI_EMULATOR', 'DOCKER_HOST', 'SANDBOXDESK_TEST_IMAGE']) {
    if (!process.env[name]) throw new Error(`${name} is not set: run through scripts/test`);
}
const require = createRequire(path.join(process.env.ECI_SDK_DIR, 'node_modules', 'x.js'));
const Eci = require('@alicloud/eci20180808');
const { Config } = require('@alicloud/openapi-client');
const Client = Eci.default;

const KEY_ID = 'sdk-test-id';
const SECRET = 'sdk-test-secret';
const REGION = 'cn-hangzhou';
let emulator;
let port;

before(async () => {
    emulator = spawn(process.env.ECI_EMULATOR, ['--listen', '127.0.0.1:0', '--docker-host',
        process.env.DOCKER_HOST, '--access-key', `${KEY_ID}:${SECRET}`],
        { stdio: ['ignore', 'pipe', 'inherit'] });
    port = await new Promise((resolve, reject) => {
        let out = '';
        emulator.stdout.on('data', (chunk) => {
            out += chunk;
            const match = /listening on 127\.0\.0\.1:(\d+)/.exec(out);
            if (match) resolve(Number(match[1]));
        });
        emulator.on('exit', (code) => reject(new Error(`eci-emulator exited with ${code}`)));
    });
});

after(() => emulator?.kill());

function client(options = {}) {
    return new Client(new Config({
        accessKeyId: KEY_ID, accessKeySecret: SECRET, endpoint: `127.0.0.1:${port}`,
        protocol: 'http', regionId: REGION, ...options,
    }));
}

async function roundTrip(eci, label) {
    const tag = `sdk-${label}-${Date.now()}`;
    const ids = [];
    try {
        for (let i = 0; i < 3; ++i) {
            const created = await eci.createContainerGroup(new Eci.CreateContainerGroupRequest({
                regionId: REGION, containerGroupName: `${tag}-${i}`, cpu: 0.25, memory: 0.5,
                tag: [new Eci.CreateContainerGroupRequestTag({ key: 'suite', value: tag })],
                container: [new Eci.CreateContainerGroupRequestContainer({
                    name: 'main', image: process.env.SANDBOXDESK_TEST_IMAGE,
                    command: ['sleep'], arg: ['300'],
                    environmentVar: [new Eci.CreateContainerGroupRequestContainerEnvironmentVar({ key: 'A', value: 'b c' })],
                })],
            }));
            assert.match(created.body.containerGroupId, /^eci-/);
            ids.push(created.body.containerGroupId);
        }
        const seen = [];
        let nextToken;
        let pages = 0;
        do {
            const page = await eci.describeContainerGroups(new Eci.DescribeContainerGroupsRequest({
                regionId: REGION, limit: 1, nextToken,
                tag: [new Eci.DescribeContainerGroupsRequestTag({ key: 'suite', value: tag })],
            }));
            assert.equal(page.body.totalCount, 3);
            assert.ok(page.body.containerGroups.length <= 1);
            for (const group of page.body.containerGroups) {
                seen.push(group.containerGroupId);
                assert.equal(group.status, 'Running');
                assert.equal(group.containers[0].image, process.env.SANDBOXDESK_TEST_IMAGE);
            }
            nextToken = page.body.nextToken || undefined;
            ++pages;
        } while (nextToken && pages < 10);
        assert.equal(pages, 3);
        assert.deepEqual([...seen].sort(), [...ids].sort());

        // A command run to its end (Sync); it also writes to the container's log.
        const execd = await eci.execContainerCommand(new Eci.ExecContainerCommandRequest({
            regionId: REGION, containerGroupId: ids[0], containerName: 'main',
            command: JSON.stringify(['sh', '-c', `echo sdk-$((6*7)); echo ${tag}-logged >/proc/1/fd/1`]),
            sync: true, TTY: false,
        }));
        assert.match(execd.body.syncResponse, /^sdk-42\n/);
        // Without Sync: a single-use WebSocket address.
        const interactive = await eci.execContainerCommand(new Eci.ExecContainerCommandRequest({
            regionId: REGION, containerGroupId: ids[0], containerName: 'main',
            command: JSON.stringify(['/bin/sh']), TTY: true, stdin: true,
        }));
        assert.match(interactive.body.webSocketUri, /^ws:\/\/127\.0\.0\.1:\d+\/exec\/\?s=\w+$/);
        // The documented limits: at most 20 commands, and Sync needs TTY off.
        await assert.rejects(eci.execContainerCommand(new Eci.ExecContainerCommandRequest({
            regionId: REGION, containerGroupId: ids[0], containerName: 'main',
            command: JSON.stringify(Array(21).fill('x')),
        })), (error) => error.code === 'InvalidParameter.ValueExceeded');
        await assert.rejects(eci.execContainerCommand(new Eci.ExecContainerCommandRequest({
            regionId: REGION, containerGroupId: ids[0], containerName: 'main',
            command: JSON.stringify(['true']), sync: true, TTY: true,
        })), (error) => error.code === 'InvalidParameter');

        let content = '';
        for (let i = 0; i < 100 && !content.includes(`${tag}-logged`); ++i) {
            const log = await eci.describeContainerLog(new Eci.DescribeContainerLogRequest({
                regionId: REGION, containerGroupId: ids[0], containerName: 'main', tail: 10,
                timestamps: true,
            }));
            assert.equal(log.body.containerName, 'main');
            content = log.body.content;
            if (!content.includes(`${tag}-logged`)) await new Promise((r) => setTimeout(r, 100));
        }
        assert.match(content, new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z ${tag}-logged\\n$`, 'm'));
        await assert.rejects(eci.describeContainerLog(new Eci.DescribeContainerLogRequest({
            regionId: REGION, containerGroupId: ids[0], containerName: 'main', tail: 2001,
        })), (error) => error.code === 'InvalidParameter.ValueExceeded');
    } finally {
        for (const id of ids) {
            await eci.deleteContainerGroup(new Eci.DeleteContainerGroupRequest({ regionId: REGION, containerGroupId: id }));
        }
    }
    const left = await eci.describeContainerGroups(new Eci.DescribeContainerGroupsRequest({
        regionId: REGION, containerGroupIds: JSON.stringify(ids),
    }));
    assert.equal(left.body.totalCount, 0);
}

test('signature V3 (the SDK default): create, list across pages, exec, logs, delete', async () => {
    await roundTrip(client(), 'v3');
});

test('signature V1 (signatureAlgorithm v2): create, list across pages, exec, logs, delete', async () => {
    await roundTrip(client({ signatureAlgorithm: 'v2' }), 'v1');
});

for (const [name, options] of [['V3', {}], ['V1', { signatureAlgorithm: 'v2' }]]) {
    test(`a wrong secret is refused (${name})`, async () => {
        const eci = client({ accessKeySecret: 'wrong-secret', ...options });
        await assert.rejects(eci.describeRegions(new Eci.DescribeRegionsRequest({})),
            (error) => error.code === 'SignatureDoesNotMatch');
    });
    test(`an unknown key id is refused (${name})`, async () => {
        const eci = client({ accessKeyId: 'nobody', ...options });
        await assert.rejects(eci.describeRegions(new Eci.DescribeRegionsRequest({})),
            (error) => error.code === 'InvalidAccessKeyId.NotFound');
    });
}

test('a limit over 20 is refused as invalid', async () => {
    await assert.rejects(client().describeContainerGroups(new Eci.DescribeContainerGroupsRequest({ regionId: REGION, limit: 21 })),
        (error) => error.code === 'InvalidParameter');
});
