import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH } from './browser.ts';
import { describeItems, performanceDiagnostics } from './lighthouse-details.ts';
import { runBounded } from './processes.ts';
import { repoRoot } from './server.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Preset = 'desktop' | 'mobile';
export const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  si: 'speed-index',
  cls: 'cumulative-layout-shift',
} as const;
export type Metric = keyof typeof METRICS;

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
  /** Where performance time went (LCP element, long tasks, CPU by script), when it is below 100. */
  diagnostics: string[];
  /** Lighthouse's CPU benchmark of this machine at the time (it expects about 1000 or more). */
  benchmarkIndex: number | null;
  /** The lab metrics in ms (CLS unitless), from the audits of the same name. */
  metrics: Record<Metric, number | null>;
  warnings: string[];
  reportPath: string;
}

/** Runs the Lighthouse CLI once for `preset` against `url`, JSON to `outDir`, bounded. */
export async function runLighthouse(
  url: string,
  preset: Preset,
  outDir: string,
  cookie?: string,
): Promise<LighthouseRun> {
  mkdirSync(outDir, { recursive: true });
  const reportPath = join(outDir, `lighthouse-${preset}.json`);
  const args = [
    url,
    '--output=json',
    `--output-path=${reportPath}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${LIGHTHOUSE_CHROME_FLAGS}`,
    '--quiet',
    // Signed in: the library is private (a signed-out run would score the sign-in page).
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  const run = () => {
    rmSync(reportPath, { force: true });
    return runBounded(join(repoRoot, 'node_modules/.bin/lighthouse'), args, {
      cwd: repoRoot,
      env: { ...process.env, CHROME_PATH: CHROMIUM_PATH },
      timeoutMs: 120_000,
      label: `lighthouse (${preset})`,
    });
  };
  const warnings: string[] = [];
  await run().catch(async (error: unknown) => {
    // Lighthouse sometimes misses the navigation's start in its trace (flaky, seen with the
    // desktop preset): one more try; a second NO_NAVSTART fails the run and is reported.
    if (runtimeErrorOf(reportPath) !== 'NO_NAVSTART') throw error;
    warnings.push('NO_NAVSTART on the first try (Lighthouse missed the navigation); retried once');
    await run();
  });
  const parsed = parseLighthouseReport(
    JSON.parse(readFileSync(reportPath, 'utf8')),
    preset,
    reportPath,
  );
  parsed.warnings.push(...warnings);
  return parsed;
}

export interface Report {
  lighthouseVersion: string;
  environment?: { benchmarkIndex?: number };
  runWarnings?: string[];
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: AuditRef[] }>;
  audits: Record<string, Audit>;
}
interface AuditRef {
  id: string;
  weight: number;
}
export interface Audit {
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
  errorMessage?: string;
  details?: { items?: unknown };
}

const SCORED = new Set(['binary', 'numeric', 'metricSavings']);

export function parseLighthouseReport(
  report: Report,
  preset: Preset,
  reportPath: string,
): LighthouseRun {
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
  return {
    preset,
    version: report.lighthouseVersion,
    scores,
    failing,
    diagnostics: scores.performance === 100 ? [] : performanceDiagnostics(report.audits),
    benchmarkIndex: report.environment?.benchmarkIndex ?? null,
    metrics: Object.fromEntries(
      Object.entries(METRICS).map(([key, id]) => [key, report.audits[id]?.numericValue ?? null]),
    ) as Record<Metric, number | null>,
    warnings,
    reportPath,
  } satisfies LighthouseRun;
}

/** The `runtimeError` code of the report Lighthouse wrote (it writes one when a run fails). */
function runtimeErrorOf(reportPath: string): string | undefined {
  if (!existsSync(reportPath)) return undefined;
  try {
    return (JSON.parse(readFileSync(reportPath, 'utf8')) as Report).runtimeError?.code;
  } catch {
    return undefined;
  }
}
