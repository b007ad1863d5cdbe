import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { BundleSize } from './bundle-size.ts';
import { kb, ms } from './format.ts';
import type { LighthouseRun } from './lighthouse.ts';
import type { PlayLatency } from './play-latency.ts';
import {
  formatBundle,
  formatLighthouse,
  formatMethod,
  formatPlay,
  formatSeek,
} from './report-details.ts';
import type { SealCost } from './seal-cost.ts';
import type { SeekPhase } from './seek-latency.ts';
import type { BenchSong } from './server.ts';

/** A step's value, or why it has none. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

export interface BenchResults {
  date: string;
  commit: string;
  chromium: string;
  node: string;
  cores: number;
  /** 1-, 5- and 15-minute load averages at the start and at the end. */
  load: { start: string; end: string };
  command: string;
  durationS: number;
  song: BenchSong | null;
  seek: Outcome<SeekPhase[]>;
  play: Outcome<PlayLatency>;
  seal: Outcome<SealCost>;
  bundle: Outcome<BundleSize>;
  lighthouse: Array<Outcome<LighthouseRun>>;
}

export const TARGETS = {
  seekCacheP50Ms: 50,
  firstLoadBytes: 60_000,
  lighthouse: 100,
  sealedFillRatio: 0.8,
};

/** The dated Markdown section: context, the summary table with pass/miss, then the details. */
export function formatReport(r: BenchResults): string {
  const song = r.song
    ? `${r.song.title} (${r.song.mimeType}, ${kb(r.song.size)}, ${Math.round(r.song.duration)} s)`
    : 'n/a';
  const lines = [
    `## ${r.date} (commit ${r.commit})`,
    '',
    `- Browser: ${r.chromium}, headless, via playwright-core; Node ${r.node}`,
    `- Song: ${song}; run took ${r.durationS} s`,
    `- Machine: ${r.cores} cores, load average ${r.load.start} at the start, ${r.load.end} at the end`,
    `- Command: \`${r.command}\``,
    '',
    '| Measurement | Result | Target | |',
    '| --- | --- | --- | --- |',
    ...summaryRows(r),
    '',
    formatSeek(r.seek),
    formatPlay(r.play),
    formatSeal(r.seal),
    formatBundle(r.bundle),
    formatLighthouse(r.lighthouse),
    formatMethod(),
  ];
  return `${lines.join('\n').trim()}\n`;
}

function summaryRows(r: BenchResults): string[] {
  const rows: string[] = [];
  const row = (what: string, result: string, target = '—', verdict = '') =>
    rows.push(`| ${what} | ${result} | ${target} | ${verdict} |`);
  if (r.seek.ok) {
    for (const phase of r.seek.value) {
      const name = phase.path === 'cache' ? 'worker cache (song complete)' : 'network (no worker)';
      const target = phase.path === 'cache' ? `p50 ≤ ${TARGETS.seekCacheP50Ms} ms` : undefined;
      const p50 = phase.playing.p50;
      const verdict = target ? pass(p50 !== null && p50 <= TARGETS.seekCacheP50Ms) : '';
      row(
        `Seek → \`playing\`, ${name}, p50 / p95 (n=${phase.counted})`,
        `${ms(p50)} / ${ms(phase.playing.p95)}`,
        target,
        verdict,
      );
    }
  } else
    row(
      'Seek latency',
      `failed: ${r.seek.error}`,
      `p50 ≤ ${TARGETS.seekCacheP50Ms} ms`,
      '**miss**',
    );
  if (r.play.ok) {
    const { first, replay, runs } = r.play.value;
    row(`Click play → progress, first play (median of ${runs.length})`, ms(first.progress));
    row(`Click play → progress, cached replay (median of ${runs.length})`, ms(replay.progress));
  } else row('Click play → progress', `failed: ${r.play.error}`);
  if (r.seal.ok) {
    const c = r.seal.value;
    const ok = c.fill.ratio >= TARGETS.sealedFillRatio;
    row(
      `Background fill, sealed / plain throughput (median of ${c.rounds})`,
      `${c.fill.sealed.toFixed(1)} / ${c.fill.plain.toFixed(1)} MB/s (${(c.fill.ratio * 100).toFixed(0)} %)`,
      '≥ 80 %',
      pass(ok),
    );
    row(
      'AES-GCM per 256 KiB chunk, seal / open p50',
      `${c.seal.p50?.toFixed(2)} / ${c.open.p50?.toFixed(2)} ms`,
    );
  } else row('Sealing cost', `failed: ${r.seal.error}`, '≥ 80 %', '**miss**');
  if (r.bundle.ok) {
    const b = r.bundle.value;
    const ok = b.firstLoadGzip <= TARGETS.firstLoadBytes;
    row('Client JS + CSS, first load, gzip -9', kb(b.firstLoadGzip), '≤ 60 kB', pass(ok));
    row('Service worker (sw.js), gzip -9', kb(b.worker.gzip));
  } else row('Client size', `failed: ${r.bundle.error}`, '≤ 60 kB', '**miss**');
  for (const run of r.lighthouse) {
    if (!run.ok) {
      row('Lighthouse', `failed: ${run.error}`, '100 / 100 / 100', '**miss**');
      continue;
    }
    const s = run.value.scores;
    const scored = [s.performance, s.accessibility, s['best-practices']];
    const ok = scored.every((v) => v === TARGETS.lighthouse);
    row(
      `Lighthouse ${run.value.preset}: performance / accessibility / best practices (SEO)`,
      `${scored.map(score).join(' / ')} (${score(s.seo)})`,
      '100 / 100 / 100',
      pass(ok),
    );
  }
  return rows;
}

/** Newest run first, under the file's title; earlier runs stay below. */
export function writeResults(path: string, section: string): void {
  const marker = '<!-- newest run first -->';
  const header = [
    '# Browser benchmark results',
    '',
    'Written by `npx tsx test/bench/browser/run.ts` (see README.md in this folder).',
    '',
    marker,
    '',
    '',
  ].join('\n');
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const earlier = old.includes(marker) ? old.slice(old.indexOf(marker) + marker.length).trim() : '';
  writeFileSync(path, `${header}${section}${earlier ? `\n${earlier}\n` : ''}`);
}

function formatSeal(seal: Outcome<SealCost>): string {
  if (!seal.ok) return `### Sealing cost\n\nFailed: ${seal.error}\n`;
  const c = seal.value;
  const pct = (v: number) => `${(v * 100).toFixed(0)} %`;
  return [
    '### Sealing cost (issue 14)',
    '',
    `The worker's steps for the song's ${c.chunks} chunks of 256 KiB, in one page with no worker,`,
    `plain and sealed in turns (${c.rounds} rounds each, medians): fill = ranged fetch from the`,
    'server → (AES-GCM seal, random IV, key URL as additional data) → Cache Storage put; read =',
    'match → body → (open). Sequential on both paths, so the difference is the sealing alone; which',
    'path goes first alternates by round. On a loaded machine the fill ratio swings around 100 %:',
    'the network and Cache Storage dominate; the AES-GCM times below are the cost itself.',
    '',
    '| Path | Plain | Sealed | Sealed / plain |',
    '| --- | --- | --- | --- |',
    `| Fill (MB/s) | ${c.fill.plain.toFixed(1)} | ${c.fill.sealed.toFixed(1)} | ${pct(c.fill.ratio)} |`,
    `| Read from cache (MB/s) | ${c.read.plain.toFixed(1)} | ${c.read.sealed.toFixed(1)} | ${pct(c.read.ratio)} |`,
    '',
    `AES-GCM time per chunk (WebCrypto, CPU-bound): seal p50 ${c.seal.p50?.toFixed(2)} ms, p95 ${c.seal.p95?.toFixed(2)} ms;`,
    `open p50 ${c.open.p50?.toFixed(2)} ms, p95 ${c.open.p95?.toFixed(2)} ms.`,
    '',
  ].join('\n');
}

function score(value: number | null): string {
  return value === null ? 'n/a' : String(value);
}
function pass(ok: boolean): string {
  return ok ? 'pass' : '**miss**';
}
