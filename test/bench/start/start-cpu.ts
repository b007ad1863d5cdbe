import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../helpers/free-port.ts';
import { TEST_ADMIN_ENV } from '../../helpers/test-auth.ts';

/**
 * CPU time a built server spends from exec to its first healthy answer (user + system, read from
 * /proc/<pid>/stat at that moment: independent of the machine's load, unlike wall time). Usage:
 * `tsx test/bench/start/start-cpu.ts <server.js> [<other server.js>…]`; the entries are started in
 * turn, RUNS times each, on one CACHE_DIR prepared by a first start (so no start scans before it
 * listens), without REDIS_URL. Prints the median and range per entry.
 */
const RUNS = Number(process.env.RUNS ?? 15);
const root = fileURLToPath(new URL('../../..', import.meta.url));
const entries = process.argv.slice(2);
if (entries.length === 0) throw new Error('usage: start-cpu.ts <server.js> [<server.js>…]');
const TICK_MS = 10; // Linux's USER_HZ is 100 on every platform Node supports

const cache = await mkdtemp(join(tmpdir(), 'tapedeck-start-cpu-'));
try {
  await start(entries[0]!); // scans data/music once into the cache
  const figures = new Map<string, number[]>(entries.map((entry) => [entry, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const entry of entries) figures.get(entry)!.push(await start(entry));
  }
  for (const [entry, ms] of figures) {
    const sorted = [...ms].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(
      `${entry}: median ${median} ms CPU to healthy (${sorted[0]}–${sorted.at(-1)}, ${RUNS} runs)`,
    );
  }
} finally {
  await rm(cache, { recursive: true, force: true });
}

async function start(entry: string): Promise<number> {
  const port = await freePort();
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: {
      ...process.env,
      ...TEST_ADMIN_ENV,
      HOST: '127.0.0.1',
      PORT: String(port),
      WATCH: '0',
      CACHE_DIR: cache,
      REDIS_URL: '',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (d) => (errors += d));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${entry} exited: ${errors}`);
      if (Date.now() > deadline) throw new Error(`${entry} not healthy within 60 s`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (res) => res.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const stat = await readFile(`/proc/${child.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  }
}
