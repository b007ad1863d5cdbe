import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { readCpuSeconds, readRssBytes } from '../lib/proc-stats.ts';
import { serverCommand } from '../lib/server-command.ts';
import { median, percentile } from '../lib/stats.ts';
import { FULL_LIBRARY, generateLibrary } from './generate-library.ts';
import { routesToMeasure } from './routes.ts';
import { type Server, startServer, stop, waitForOutput } from './server.ts';

/**
 * `npm run bench:library`: Tapedeck on a generated library of 100 000 tiny tagged MP3s (1 000
 * artists × 10 albums × 10 tracks). Measures the first scan to a healthy server, a restart with
 * the catalog built, RSS at rest after each, and p50/p95 of every list route at limit=100, deep
 * offsets and searches included; and, as the peer in the same run, music-metadata alone reading
 * every file. Writes test/bench/library/RESULTS.md (the summary in test/bench/RESULTS.md, between
 * the library markers, is written by hand from it). Not part of `npm test`.
 *
 * BENCH_LIBRARY_ARTISTS (default 1000) scales the library; BENCH_LIBRARY_DIR keeps it between runs
 * (default: a folder in the system temp dir, generated once).
 */
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const artists = Number(process.env.BENCH_LIBRARY_ARTISTS ?? FULL_LIBRARY.artists);
const shape = { ...FULL_LIBRARY, artists };
const songs = artists * shape.albumsPerArtist * shape.tracksPerAlbum;
const musicDir = process.env.BENCH_LIBRARY_DIR ?? join(tmpdir(), `tapedeck-library-${songs}`);
const REQUESTS = 100;
const MiB = 1024 * 1024;

const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
const loadAtStart = load();
if (!existsSync(join(musicDir, '.complete'))) {
  const started = performance.now();
  await rm(musicDir, { recursive: true, force: true });
  await generateLibrary(musicDir, shape);
  await writeFile(join(musicDir, '.complete'), '');
  console.log(`generated ${songs} songs in ${seconds(performance.now() - started)}`);
}
const cacheDir = await mkdtemp(join(tmpdir(), 'tapedeck-library-cache-'));

try {
  const command = serverCommand();
  const first = await startServer(command, { musicDir, cacheDir }, songs);
  const firstCpu = readCpuSeconds(first.child.pid!);
  const firstRss = await rssAtRest(first.child.pid!);
  const latencies = await measureRoutes(first);
  await stop(first.child);
  const again = await startServer(command, { musicDir, cacheDir }, songs, first.cookie);
  const againCpu = readCpuSeconds(again.child.pid!);
  await waitForOutput(again, /scan: \d+ songs/, 300_000); // the rescan behind the restart
  const rescanCpu = readCpuSeconds(again.child.pid!) - againCpu;
  const againRss = await rssAtRest(again.child.pid!);
  await stop(again.child);
  const floor = await runPeer(musicDir);

  say(`## 100 000 songs (${new Date().toISOString().slice(0, 10)}, ${songs} songs)`);
  say('');
  say(`Machine load average (1/5/15 min) at start: ${loadAtStart}; at the end: ${load()}.`);
  say('');
  say(`Server: \`node ${command.join(' ')}\`.`);
  say('');
  say('| Measure | Tapedeck | CPU time of the server (all threads) | Target |');
  say('| --- | --- | --- | --- |');
  say(
    `| First scan to a healthy server | ${seconds(first.ms)} | ${firstCpu.toFixed(1)} s | ≤ 60 s |`,
  );
  say(
    `| Peer: music-metadata alone reading every file | ${seconds(floor.ms)} (scan = ${(first.ms / floor.ms).toFixed(2)}× it) | — | — |`,
  );
  say(
    `| Restart with the catalog built, to healthy | ${seconds(again.ms)} | ${againCpu.toFixed(1)} s | ≤ 3 s |`,
  );
  say(`| The rescan behind the restart (nothing changed) | — | ${rescanCpu.toFixed(1)} s | — |`);
  say(`| RSS at rest after the first scan | ${(firstRss / MiB).toFixed(0)} MiB | — | ≤ 250 MiB |`);
  say(
    `| RSS at rest after a restart (and its rescan) | ${(againRss / MiB).toFixed(0)} MiB | — | ≤ 250 MiB |`,
  );
  say('');
  say(`List routes, ${REQUESTS} sequential requests each after 5 warm-ups (ms):`);
  say('');
  say('| Route | p50 | p95 | items | total |');
  say('| --- | --- | --- | --- | --- |');
  for (const row of latencies) {
    say(
      `| \`${row.path}\` | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.items} | ${row.total} |`,
    );
  }
  const worst = Math.max(...latencies.map((row) => row.p95));
  say('');
  say(`Worst p95: ${worst.toFixed(1)} ms (target ≤ 30 ms).`);
  await writeFile(
    join(repoRoot, 'test/bench/library/RESULTS.md'),
    `# Library benchmark results\n\nWritten by \`npm run bench:library\` (see run.ts for the method).\n\n${lines.join('\n')}\n`,
  );
} finally {
  await rm(cacheDir, { recursive: true, force: true });
}

/**
 * The peer, compiled like the server (plain node, no tsx loader in the way of music-metadata's
 * parser imports), in a process of its own.
 */
async function runPeer(dir: string): Promise<{ files: number; ms: number }> {
  // Inside the repository, so that its imports resolve from node_modules.
  const out = join(repoRoot, 'node_modules/.cache/tapedeck-parse-floor');
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      build: {
        ssr: join(repoRoot, 'test/bench/library/parse-floor.ts'),
        outDir: out,
        target: 'node20',
      },
    });
    const stdout = execFileSync(process.execPath, [join(out, 'parse-floor.js'), dir], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    return JSON.parse(stdout) as { files: number; ms: number };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** Median RSS over 5 s, after 10 s without requests. */
async function rssAtRest(pid: number): Promise<number> {
  await new Promise((r) => setTimeout(r, 10_000));
  const samples: number[] = [];
  for (let i = 0; i < 25; i++) {
    samples.push(readRssBytes(pid));
    await new Promise((r) => setTimeout(r, 200));
  }
  return median(samples);
}

async function measureRoutes({ url, cookie }: Server) {
  const rows = [];
  for (const path of await routesToMeasure(url, cookie, songs)) {
    const times: number[] = [];
    let body: { items?: unknown[]; total?: number } = {};
    for (let i = 0; i < REQUESTS + 5; i++) {
      const started = performance.now();
      const res = await fetch(url + path, { headers: { cookie } });
      body = (await res.json()) as typeof body;
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      if (i >= 5) times.push(performance.now() - started);
    }
    rows.push({
      path,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      items: body.items?.length ?? 0,
      total: body.total ?? '',
    });
  }
  return rows;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
