import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH } from './browser.ts';
import { runBounded } from './processes.ts';
import { repoRoot } from './server.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Preset = 'desktop' | 'mobile';

/** The flags the brief gives; Lighthouse adds its own (remote debugging, a temp profile). */
export const LIGHTHOUSE_CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-background-networking ' +
  '--disable-component-update --disable-sync --no-first-run';

export interface FailingAudit {
  category: Category;
  id: string;
  title: string;
  score: number | null;
  /** Its weight in the category score: above 0 means it costs points. */
  weight: number;
  displayValue: string | null;
  /** What to fix, from the audit's details (elements, URLs), a few at most. */
  items: string[];
}

export interface LighthouseRun {
  preset: Preset;
  version: string;
  scores: Record<Category, number | null>;
  /** Audits below a full score, costing points first; performance also lists weight-0 insights. */
  failing: FailingAudit[];
  warnings: string[];
  reportPath: string;
}

/** Runs the Lighthouse CLI once for `preset` against `url`, JSON to `outDir`, bounded. */
export async function runLighthouse(url: string, preset: Preset, outDir: string) {
  const reportPath = join(outDir, `lighthouse-${preset}.json`);
  const args = [
    url,
    '--output=json',
    `--output-path=${reportPath}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${LIGHTHOUSE_CHROME_FLAGS}`,
    '--quiet',
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  await runBounded(join(repoRoot, 'node_modules/.bin/lighthouse'), args, {
    cwd: repoRoot,
    env: { ...process.env, CHROME_PATH: CHROMIUM_PATH },
    timeoutMs: 120_000,
    label: `lighthouse (${preset})`,
  });
  return parseLighthouseReport(JSON.parse(readFileSync(reportPath, 'utf8')), preset, reportPath);
}

interface Report {
  lighthouseVersion: string;
  runWarnings?: string[];
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: AuditRef[] }>;
  audits: Record<string, Audit>;
}
interface AuditRef {
  id: string;
  weight: number;
}
interface Audit {
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  errorMessage?: string;
  details?: { items?: unknown };
}

const SCORED = new Set(['binary', 'numeric', 'metricSavings']);

export function parseLighthouseReport(report: Report, preset: Preset, reportPath: string) {
  const scores = {} as Record<Category, number | null>;
  const failing: FailingAudit[] = [];
  for (const category of CATEGORIES) {
    const entry = report.categories[category];
    scores[category] = entry?.score == null ? null : Math.round(entry.score * 100);
    for (const ref of entry?.auditRefs ?? []) {
      const audit = report.audits[ref.id];
      if (!audit) continue;
      const errored = audit.scoreDisplayMode === 'error';
      const low = SCORED.has(audit.scoreDisplayMode) && audit.score !== null && audit.score < 1;
      if (!errored && !low) continue;
      // Weight-0 audits do not move the score; keep them for performance, where they explain it.
      if (ref.weight === 0 && category !== 'performance' && !errored) continue;
      failing.push({
        category,
        id: ref.id,
        title: audit.title,
        score: audit.score,
        weight: ref.weight,
        displayValue: errored ? `error: ${audit.errorMessage}` : (audit.displayValue ?? null),
        items: describeItems(audit.details?.items),
      });
    }
  }
  failing.sort((a, b) => Number(b.weight > 0) - Number(a.weight > 0) || b.weight - a.weight);
  const warnings = [...(report.runWarnings ?? [])];
  if (report.runtimeError)
    warnings.push(`${report.runtimeError.code}: ${report.runtimeError.message}`);
  return { preset, version: report.lighthouseVersion, scores, failing, warnings, reportPath };
}

/** One line per detail item: the element (selector and snippet) or the URL, and why. */
function describeItems(raw: unknown, max = 5): string[] {
  if (!raw) return [];
  if (!Array.isArray(raw)) {
    // A checklist ({ key: { label, value } }): the checks that failed.
    return Object.values(raw as Record<string, { label?: string; value?: unknown }>)
      .filter((check) => check?.value === false && check.label)
      .map((check) => `failed check: ${check.label}`);
  }
  const lines: string[] = [];
  for (const item of raw as Array<Record<string, unknown>>) {
    if (lines.length >= max) break;
    // A list of sub-tables: describe what they hold.
    if (Array.isArray(item.items)) lines.push(...describeItems(item.items, max - lines.length));
    else if (item.type === 'list-section') lines.push('(see the JSON report for the tree)');
    else lines.push(describeItem(item));
  }
  return [...new Set(lines)].slice(0, max);
}

function describeItem(item: Record<string, unknown>): string {
  const node = item.node as Record<string, string> | undefined;
  const source = item.source as Record<string, string> | undefined;
  const wasted = typeof item.wastedBytes === 'number' ? item.wastedBytes : null;
  const parts = [
    node?.selector,
    node?.snippet,
    node?.explanation?.split('\n').join(' '),
    typeof item.url === 'string' ? item.url : source?.url,
    typeof item.description === 'string' ? item.description : undefined,
    typeof item.label === 'string' ? item.label : undefined,
    wasted === null ? undefined : `${Math.round(wasted / 1024)} KiB to save`,
  ].filter((p): p is string => Boolean(p));
  const line = parts.join(' — ') || JSON.stringify(item);
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}
