import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCpuSeconds } from '../lib/proc-stats.ts';
import { startServer, stop } from './server.ts';

/**
 * `npx tsx test/bench/library/restart-under-load.ts MUSIC_DIR CACHE_DIR SONGS [SERVER_ROOT]`:
 * restarts a built server (`SERVER_ROOT/dist-server/server.js`, default this repository: run
 * `npm run build:server` first) on a copy of CACHE_DIR, whose catalog of SONGS songs is already
 * built, while BENCH_HOGS busy-looping processes (default 2: the 2-core machine fully loaded) run
 * beside it. Reports the time to a healthy answer, and the slowest of the /api/health requests
 * made every 10 ms during the next 6 s, while the warm-up (index, sort orders, search) runs: what
 * a request waits for behind it. Three restarts; the first start (a sign-in) is not timed.
 */
const [musicDir, sourceCache, songsArg, serverRoot] = process.argv.slice(2);
if (!musicDir || !sourceCache || !songsArg) throw new Error('usage: MUSIC_DIR CACHE_DIR SONGS');
const songs = Number(songsArg);
const root = serverRoot ?? fileURLToPath(new URL('../../..', import.meta.url));
const command = [join(root, 'dist-server/server.js')];
const hogs: ChildProcess[] = [];
const cacheDir = await mkdtemp(join(tmpdir(), 'tapedeck-restart-'));
try {
  await cp(sourceCache, cacheDir, { recursive: true });
  const first = await startServer(command, { musicDir, cacheDir }, songs);
  await stop(first.child);
  for (let i = 0; i < Number(process.env.BENCH_HOGS ?? 2); i++) {
    hogs.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  }
  for (let run = 1; run <= 3; run++) {
    const server = await startServer(command, { musicDir, cacheDir }, songs, first.cookie);
    const cpu = readCpuSeconds(server.child.pid!);
    let slowest = 0;
    const until = performance.now() + 6000;
    while (performance.now() < until) {
      const started = performance.now();
      await fetch(`${server.url}/api/health`, { headers: { cookie: first.cookie } }).then((r) =>
        r.arrayBuffer(),
      );
      slowest = Math.max(slowest, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    console.log(
      `restart ${run}: healthy in ${(server.ms / 1000).toFixed(2)} s (${cpu.toFixed(2)} s of CPU); ` +
        `slowest /api/health in the next 6 s: ${slowest.toFixed(0)} ms; load ${loadavg()[0]!.toFixed(1)}`,
    );
    await stop(server.child);
  }
} finally {
  for (const hog of hogs) hog.kill('SIGKILL');
  await rm(cacheDir, { recursive: true, force: true });
}
