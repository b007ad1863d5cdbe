import type { BundleSize } from './bundle-size.ts';
import { cell, kb, ms } from './format.ts';
import type { FailingAudit, LighthouseRun } from './lighthouse.ts';
import type { PlayLatency, PlayMeasurement } from './play-latency.ts';
import type { Outcome } from './report.ts';
import type { SeekPhase } from './seek-latency.ts';

export function formatSeek(outcome: Outcome<SeekPhase[]>): string {
  if (!outcome.ok) return `### Seek latency\n\nFailed: ${outcome.error}\n`;
  const lines = [
    '### Seek latency',
    '',
    '| Path | → `playing` p50 / p95 / max | → `seeked` p50 / p95 | → progress p50 / p95 | n | in buffer (left out) | failed | media requests (answered by worker) | seek ranges | worker → server |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const p of outcome.value) {
    const t = p.traffic;
    lines.push(
      `| ${p.path} | ${ms(p.playing.p50)} / ${ms(p.playing.p95)} / ${ms(p.playing.max)} | ` +
        `${ms(p.seeked.p50)} / ${ms(p.seeked.p95)} | ${ms(p.progress.p50)} / ${ms(p.progress.p95)} | ` +
        `${p.counted} | ${p.inBuffer} | ${p.failures} | ${t.pageRequests} (${t.answeredByWorker}) | ` +
        `${t.rangeRequests} | ${t.workerFetches} |`,
    );
  }
  lines.push('');
  for (const p of outcome.value) {
    const each = p.trials
      .map((t) => `${t.target.toFixed(0)} s: ${ms(t.playingMs)}${t.inBuffer ? ' (in buffer)' : ''}`)
      .join(', ');
    lines.push(`- ${p.path}, each seek (position: → \`playing\`): ${each}`);
    const t = p.traffic;
    if (p.path === 'cache' && (t.workerFetches > 0 || t.answeredByWorker < t.pageRequests)) {
      lines.push('- **check failed**: some cache-path bytes did not come from the worker cache');
    }
    if (p.path === 'network' && t.answeredByWorker > 0) {
      lines.push('- **check failed**: a worker answered on the network path');
    }
    const errors = p.trials.filter((x) => x.error).map((x) => x.error);
    if (errors.length > 0) lines.push(`- ${p.path} errors: ${errors.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatPlay(outcome: Outcome<PlayLatency>): string {
  if (!outcome.ok) return `### Click play → audible progress\n\nFailed: ${outcome.error}\n`;
  const { runs, first, replay } = outcome.value;
  const three = (m: PlayMeasurement | null) =>
    m ? `${ms(m.playingMs)} / ${ms(m.progressMs)} / ${ms(m.timeupdateMs)}` : 'n/a';
  const fetches = (m: PlayMeasurement | null) => (m ? String(m.traffic.workerFetches) : 'n/a');
  const lines = [
    '### Click play → audible progress',
    '',
    '| Run | first play: `playing` / progress / 1st `timeupdate` | cached replay: same | worker → server during first / replay |',
    '| --- | --- | --- | --- |',
    ...runs.map(
      (r, i) =>
        `| ${i + 1} | ${three(r.first)} | ${three(r.replay)} | ${fetches(r.first)} / ${fetches(r.replay)} |`,
    ),
    `| **median** | ${ms(first.playing)} / ${ms(first.progress)} / ${ms(first.timeupdate)} | ` +
      `${ms(replay.playing)} / ${ms(replay.progress)} / ${ms(replay.timeupdate)} | |`,
  ];
  for (const [i, r] of runs.entries()) if (r.error) lines.push(`- run ${i + 1}: ${r.error}`);
  return `${lines.join('\n')}\n`;
}

export function formatBundle(outcome: Outcome<BundleSize>): string {
  if (!outcome.ok) return `### Client size\n\nFailed: ${outcome.error}\n`;
  const b = outcome.value;
  const lines = [
    '### Client size (gzip level 9, file by file)',
    '',
    '| File | Loaded by | Raw | Gzip |',
    '| --- | --- | --- | --- |',
    ...b.files.map(
      (f) => `| \`${f.name}\` (${f.kind}) | ${f.via} | ${kb(f.raw)} | ${kb(f.gzip)} |`,
    ),
    `| **first load, JS ${kb(b.jsGzip)} + CSS ${kb(b.cssGzip)}** | | | **${kb(b.firstLoadGzip)}** |`,
    `| \`index.html\` (whole document, inline CSS included) | navigation | ${kb(b.html.raw)} | ${kb(b.html.gzip)} |`,
    `| \`sw.js\` (service worker, not in the total) | registration | ${kb(b.worker.raw)} | ${kb(b.worker.gzip)} |`,
  ];
  return `${lines.join('\n')}\n`;
}

export function formatLighthouse(runs: Array<Outcome<LighthouseRun>>): string {
  const lines = ['### Lighthouse', ''];
  for (const outcome of runs) {
    if (!outcome.ok) {
      lines.push(`- failed: ${outcome.error}`, '');
      continue;
    }
    const r = outcome.value;
    const s = r.scores;
    lines.push(
      `#### ${r.preset} (Lighthouse ${r.version}, CPU benchmark index ${r.benchmarkIndex ?? 'n/a'}): ` +
        `performance ${s.performance}, accessibility ${s.accessibility}, ` +
        `best practices ${s['best-practices']}, SEO ${s.seo}`,
      '',
    );
    const costly = r.failing.filter((a) => a.weight > 0 || a.score === null);
    const insights = r.failing.filter((a) => a.weight === 0 && a.score !== null);
    lines.push(costly.length ? 'Audits that cost points:' : 'No audit costs points.', '');
    for (const audit of costly) lines.push(...formatAudit(audit));
    if (r.diagnostics.length > 0) {
      lines.push('', 'Where the performance time went:');
      for (const line of r.diagnostics) lines.push(`- ${cell(line)}`);
    }
    if (insights.length > 0) {
      lines.push(
        '',
        'Performance insights below full score (weight 0, they do not move the score):',
      );
      for (const a of insights) {
        lines.push(
          `- ${cell(a.title)} (\`${a.id}\`)${a.displayValue ? `: ${a.displayValue}` : ''}`,
        );
        // Tables of numbers are summed up above; keep the items that name a file or an element.
        for (const item of a.items.filter((i) => !i.startsWith('{')).slice(0, 2)) {
          lines.push(`  - ${cell(item)}`);
        }
      }
    }
    for (const warning of r.warnings) lines.push(`- warning: ${cell(warning)}`);
    lines.push('');
  }
  return lines.join('\n');
}

function formatAudit(a: FailingAudit): string[] {
  const value = a.displayValue ? `, ${a.displayValue}` : '';
  return [
    `- [${a.category}] **${cell(a.title)}** (\`${a.id}\`, weight ${a.weight}, score ${a.score}${value})`,
    ...a.items.map((item) => `  - ${cell(item)}`),
  ];
}

export function formatMethod(): string {
  return [
    '### How it was measured',
    '',
    '- Seek: per seek a fresh load of the stream URL with a query of its own (`?bench=…`: nothing in',
    "  Chromium's media or HTTP cache; the worker keys chunks on the path), play from 0 until `playing`,",
    '  then set `currentTime` to a seeded random point in the part not yet buffered (when nothing',
    '  is left unbuffered the seek is made but left out of the stats), and time `playing` (the',
    '  headline), `seeked`, and `currentTime` moving (polled every ~4 ms). Cache path:',
    '  song played once through the UI, row `complete`, page reloaded. Network path: a second profile',
    "  with `serviceWorkers: 'block'`: same page, same song, same positions, no worker. The two",
    '  paths take turns, seek by seek.',
    '- Play: fresh profile per run, worker controlling the page, nothing cached; Playwright clicks the',
    "  row's play button; from the click event's timestamp to `playing`, to `currentTime` moving past",
    '  where `playing` found it, and to the first `timeupdate`. Replay: after the row says `complete`,',
    '  reload and click again.',
    '- Size: scripts, module preloads and stylesheets named in `dist/index.html`, CSS inlined there, and',
    '  chunks the app imports at start-up (seen in Chromium); each file gzipped alone at level 9.',
    '- Lighthouse: CLI, `--preset=desktop` and the default mobile config, fresh profile each.',
    '',
  ].join('\n');
}
