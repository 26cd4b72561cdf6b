// Feeds a capture file to @xterm/headless in fixed chunks and prints MB/s, by the wall clock and
// by the process's CPU time.
//   node xterm_headless_bench.mjs FILE CHUNK_BYTES
// Run with NODE_PATH (or from a folder) where @xterm/headless is installed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(process.env.XTERM_NODE_PREFIX
    ? `${process.env.XTERM_NODE_PREFIX}/node_modules/`
    : import.meta.url);
const { Terminal } = require('@xterm/headless');

const [file, chunkArg] = process.argv.slice(2);
const chunk = Number(chunkArg || 65536);
const data = readFileSync(file);
const term = new Terminal({ cols: 120, rows: 40, scrollback: 10000, allowProposedApi: true });

// Chunks are queued as a program's output arrives, with the flow control xterm.js asks for (it
// drops data past 50 MB pending): at most 4 MB waits at any time. xterm.js parses in its own time
// slices, so the wall clock is not charged one timer wait per chunk.
const window = 4 * 1024 * 1024;
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
let parsed = 0;
let queued = 0;
for (let at = 0; at < data.length; at += chunk) {
    const bytes = data.subarray(at, Math.min(at + chunk, data.length));
    queued += bytes.length;
    const done = new Promise((resolve) => term.write(bytes, resolve));
    if (queued - parsed >= window || at + chunk >= data.length) {
        await done;
        parsed = queued;
    }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
// CPU time of the whole process (its JIT and GC threads too): stable on a shared machine.
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(`xtermjs_headless_mb_s: ${(data.length / 1e6 / seconds).toFixed(1)}`);
console.log(`xtermjs_headless_cpu_mb_s: ${(data.length / 1e6 / cpuSeconds).toFixed(1)}`);
