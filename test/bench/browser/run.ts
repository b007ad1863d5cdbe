/**
 * The in-browser benchmark: seek latency (worker cache vs network), click-to-progress, client
 * size and Lighthouse, against the real built app and server, in Debian's Chromium.
 * Run: `npx tsx test/bench/browser/run.ts`. Writes RESULTS.md beside this file and prints it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumVersion, closeAllBrowsers, signInEveryBrowser } from './browser.ts';
import { measureBundleSize } from './bundle-size.ts';
import { type LighthouseRun, type Preset, runLighthouse } from './lighthouse.ts';
import { measurePlayLatency } from './play-latency.ts';
import { killRunning } from './processes.ts';
import { type BenchResults, formatReport, type Outcome, writeResults } from './report.ts';
import { measureSealCost } from './seal-cost.ts';
import { measureSeekLatency } from './seek-latency.ts';
import { type BenchServer, buildClient, pickSong, repoRoot, startServer } from './server.ts';

const SETTINGS = { seeks: 20, seed: 20_261_124, playRuns: 5, timeoutMs: 10_000, sealRounds: 9 };
const PRESETS: Preset[] = ['desktop', 'mobile'];
/** The whole run is bounded too: about 1.5 minutes normally, 5 at worst on a busy machine. */
const RUN_LIMIT_MS = 8 * 60_000;

/** Set on a signal or at the time limit: no further step starts, no report is written. */
let stopped = false;

async function main(): Promise<number> {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'tapedeck-bench-browser-'));
  // Kept after the run, so the reports can be opened.
  const lighthouseDir = join(tmpdir(), `tapedeck-lighthouse-${stamp()}`);
  let server: BenchServer | null = null;
  // Each part runs even when another fails: nothing may outlive the run.
  const cleanup = async () => {
    const parts: Array<[string, () => unknown]> = [
      ['commands', killRunning],
      ['browsers', closeAllBrowsers],
      ['server', () => server?.stop()],
      ['temp folder', () => rmSync(work, { recursive: true, force: true, maxRetries: 3 })],
    ];
    for (const [name, part] of parts) {
      await Promise.resolve()
        .then(part)
        .catch((error: unknown) => log(`cleanup (${name}): ${String(error)}`));
    }
    server = null;
  };
  const stop = (why: string, code: number) => {
    stopped = true;
    log(`stopping: ${why}`);
    void cleanup().finally(() => process.exit(code));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => stop(signal, 130));
  const watchdog = setTimeout(
    () => stop(`the run took longer than ${RUN_LIMIT_MS / 60_000} minutes`, 1),
    RUN_LIMIT_MS,
  );

  try {
    const dist = join(work, 'dist');
    log('building the client (vite build)');
    await buildClient(dist);
    server = await startServer(dist, join(work, 'cache'));
    const url = server.url;
    signInEveryBrowser(url, server.cookie);
    const song = await pickSong(url, server.cookie);
    log(`server on ${url}; song: ${song.title} (${song.mimeType}, ${song.size} bytes)`);
    const loadAtStart = loadAverage();

    const seek = await step('seek latency', () => measureSeekLatency(url, song, SETTINGS));
    const play = await step('click play → progress', () =>
      measurePlayLatency(url, song, SETTINGS.playRuns, SETTINGS.timeoutMs),
    );
    const seal = await step('sealing cost (plain vs sealed)', () =>
      measureSealCost(url, song, SETTINGS.sealRounds),
    );
    const bundle = await step('client size', () => measureBundleSize(dist, url));
    const lighthouse: Array<Outcome<LighthouseRun>> = [];
    for (const preset of PRESETS) {
      lighthouse.push(
        await step(`lighthouse ${preset}`, () =>
          runLighthouse(`${url}/`, preset, lighthouseDir, server!.cookie),
        ),
      );
    }
    if (lighthouse.some((o) => o.ok)) log(`Lighthouse JSON reports: ${lighthouseDir}`);

    const results: BenchResults = {
      date: `${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`,
      commit: git(['rev-parse', '--short', 'HEAD']),
      chromium: chromiumVersion(),
      node: process.versions.node,
      cores: availableParallelism(),
      load: { start: loadAtStart, end: loadAverage() },
      command: 'npx tsx test/bench/browser/run.ts',
      durationS: Math.round((Date.now() - started) / 1000),
      song,
      seek,
      play,
      seal,
      bundle,
      lighthouse,
    };
    if (stopped) return 130;
    const section = formatReport(results);
    writeResults(join(repoRoot, 'test/bench/browser/RESULTS.md'), section);
    process.stdout.write(`\n${section}`);
    const failed = [seek, play, seal, bundle, ...lighthouse].some((o) => !o.ok);
    return failed ? 1 : 0;
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}

/** Runs one measurement; its failure is reported, and the others still run. */
async function step<T>(name: string, fn: () => Promise<T>): Promise<Outcome<T>> {
  if (stopped) return { ok: false, error: 'the run was stopped' };
  const started = Date.now();
  log(`${name}…`);
  try {
    const value = await fn();
    log(`${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { ok: true, value };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    log(`${name}: FAILED: ${error instanceof Error ? error.stack : error}`);
    return { ok: false, error: message };
  }
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return 'unknown';
  }
}

function loadAverage(): string {
  return loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

function log(message: string): void {
  process.stderr.write(`[bench:browser] ${message}\n`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[bench:browser] failed:', error);
    process.exit(1);
  },
);
