/**
 * Lighthouse alone, several times: builds the client, starts the server signed in, runs each
 * preset `--runs=N` times (default 5, presets alternating so a busy spell hits both) and prints the
 * median and the spread (min–max) of each score and metric, with the load average.
 * Run under the shared lock: `flock /tmp/tapedeck-bench.lock npx tsx test/bench/browser/lighthouse-runs.ts --runs=5`.
 * Add `--keep` to print where the JSON reports are (they are kept in any case), `--signed-out` to
 * score the sign-in page a stranger sees (no cookie; its console errors are printed).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CATEGORIES,
  type LighthouseRun,
  METRICS,
  type Preset,
  runLighthouse,
} from './lighthouse.ts';
import { killRunning } from './processes.ts';
import { type BenchServer, buildClient, startServer } from './server.ts';
import { median } from './stats.ts';

const PRESETS: Preset[] = ['mobile', 'desktop'];
const RUN_LIMIT_MS = 8 * 60_000;

async function main(): Promise<number> {
  const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5);
  if (!Number.isInteger(runs) || runs < 1 || runs > 15) throw new Error('--runs=1…15');
  const signedOut = process.argv.includes('--signed-out');
  const work = mkdtempSync(join(tmpdir(), 'tapedeck-lh-'));
  const reports = join(tmpdir(), `tapedeck-lighthouse-runs-${Date.now()}`);
  let server: BenchServer | null = null;
  const watchdog = setTimeout(() => {
    log('the run took too long: stopping');
    killRunning();
    void server?.stop().finally(() => process.exit(1));
  }, RUN_LIMIT_MS);
  try {
    log('building the client');
    await buildClient(join(work, 'dist'));
    server = await startServer(join(work, 'dist'), join(work, 'cache'));
    const loadStart = loadavg();
    const results = new Map<Preset, LighthouseRun[]>(PRESETS.map((p) => [p, []]));
    const failures: string[] = [];
    for (let i = 0; i < runs; i++) {
      for (const preset of PRESETS) {
        const dir = join(reports, `${preset}-${i}`);
        try {
          const cookie = signedOut ? undefined : server.cookie;
          const run = await runLighthouse(`${server.url}/`, preset, dir, cookie);
          if (signedOut) log(`${preset} #${i + 1} console errors: ${consoleErrors(run)}`);
          results.get(preset)!.push(run);
          log(
            `${preset} #${i + 1}: ${summary(run)}${run.warnings.length ? ` (${run.warnings.join('; ')})` : ''}`,
          );
        } catch (error) {
          failures.push(`${preset} #${i + 1}: ${String(error).split('\n')[0]}`);
          log(`${preset} #${i + 1}: FAILED ${String(error).split('\n')[0]}`);
        }
      }
    }
    const loadEnd = loadavg();
    const lines = [
      `Lighthouse, ${runs} runs per preset, ${signedOut ? 'signed out' : 'signed in'}; load average ${fmtLoad(loadStart)} at the start, ${fmtLoad(loadEnd)} at the end (2 cores)`,
      '',
      '| Preset | Performance | Accessibility | Best practices | SEO | FCP | LCP | TBT | Speed index | CLS | Runs |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...PRESETS.map((preset) => row(preset, results.get(preset)!)),
    ];
    if (failures.length) lines.push('', `Failed runs: ${failures.join('; ')}`);
    lines.push('', `Reports: ${reports}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    for (const run of [...results.values()].flat()) {
      if (run.scores.performance !== 100) log(`${run.preset}: ${run.diagnostics.join(' | ')}`);
    }
    return failures.length ? 1 : 0;
  } finally {
    clearTimeout(watchdog);
    killRunning();
    await server?.stop();
    rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** `median (min–max)` of each category and metric over the runs of one preset. */
function row(preset: Preset, runs: LighthouseRun[]): string {
  const cell = (values: Array<number | null>, unit: (v: number) => string) => {
    const known = values.filter((v): v is number => v !== null);
    if (known.length === 0) return '—';
    const mid = median(known)!;
    const [lo, hi] = [Math.min(...known), Math.max(...known)];
    return lo === hi ? unit(mid) : `${unit(mid)} (${unit(lo)}–${unit(hi)})`;
  };
  const scores = CATEGORIES.map((c) =>
    cell(
      runs.map((r) => r.scores[c]),
      String,
    ),
  );
  const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);
  const metrics = (Object.keys(METRICS) as Array<keyof typeof METRICS>).map((m) =>
    cell(
      runs.map((r) => r.metrics[m]),
      m === 'cls' ? (v) => v.toFixed(3) : ms,
    ),
  );
  return `| ${preset} | ${scores.join(' | ')} | ${metrics.join(' | ')} | ${runs.length} |`;
}

function summary(run: LighthouseRun): string {
  const m = run.metrics;
  const scores = CATEGORIES.map((c) => run.scores[c]).join('/');
  return `${scores} FCP ${Math.round(m.fcp ?? 0)} LCP ${Math.round(m.lcp ?? 0)} TBT ${Math.round(m.tbt ?? 0)} SI ${Math.round(m.si ?? 0)} CLS ${(m.cls ?? 0).toFixed(3)} bench ${run.benchmarkIndex}`;
}

/** What Lighthouse's `errors-in-console` audit listed, in short. */
function consoleErrors(run: LighthouseRun): string {
  const report = JSON.parse(readFileSync(run.reportPath, 'utf8')) as {
    audits: Record<
      string,
      {
        details?: {
          items?: Array<{
            source?: string;
            description?: string;
            sourceLocation?: { url?: string };
          }>;
        };
      }
    >;
  };
  const items = report.audits['errors-in-console']?.details?.items ?? [];
  if (items.length === 0) return 'none';
  return items
    .map((i) => `${i.source}: ${i.description} (${i.sourceLocation?.url ?? '?'})`)
    .join('; ');
}

function fmtLoad(values: number[]): string {
  return values.map((v) => v.toFixed(2)).join(' ');
}

function log(message: string): void {
  process.stderr.write(`[lighthouse-runs] ${message}\n`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[lighthouse-runs] failed:', error);
    process.exit(1);
  },
);
