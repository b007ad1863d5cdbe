/** The parts of a V8 .cpuprofile (as written by `node --cpu-prof`) that a self-time table needs. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  /** Microseconds on the monotonic clock (the one `process.hrtime` reads). */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Monotonic microseconds, comparable with a profile's sample times. */
export function nowMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
  percent: number;
}

/**
 * Self time per function (summed over its call sites), largest first, counting only samples
 * taken between `fromUs` and `toUs` (monotonic microseconds, see `nowMicros`).
 */
export function summariseSelfTime(
  profile: CpuProfile,
  fromUs = Number.NEGATIVE_INFINITY,
  toUs = Number.POSITIVE_INFINITY,
): SelfTime[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const totals = new Map<string, { name: string; where: string; us: number }>();
  let totalUs = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    // timeDeltas[i] is the time before sample i; attribute it to that sample.
    const us = Math.max(0, profile.timeDeltas[i] ?? 0);
    at += us;
    if (at < fromUs || at > toUs) return;
    totalUs += us;
    const frame = byNode.get(id)!;
    const where = frame.url ? `${shortenUrl(frame.url)}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName}@${where}`;
    const entry = totals.get(key) ?? { name: frame.functionName || '(anonymous)', where, us: 0 };
    entry.us += us;
    totals.set(key, entry);
  });
  return [...totals.values()]
    .sort((a, b) => b.us - a.us)
    .map((t) => ({
      name: t.name,
      where: t.where,
      ms: t.us / 1000,
      percent: (100 * t.us) / totalUs,
    }));
}

/** Self time per package or area: node internals, each node_modules package, the app. */
export function summariseByArea(rows: SelfTime[]): { area: string; percent: number }[] {
  const areas = new Map<string, number>();
  for (const row of rows) {
    const area = areaOf(row);
    areas.set(area, (areas.get(area) ?? 0) + row.percent);
  }
  return [...areas.entries()]
    .map(([area, percent]) => ({ area, percent }))
    .sort((a, b) => b.percent - a.percent);
}

function areaOf(row: SelfTime): string {
  if (!row.where) return row.name; // (garbage collector), (program), (idle), native builtins
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(row.where);
  if (pkg) return pkg[1]!;
  const where = row.where.replace(/:\d+$/, '');
  if (where.startsWith('node:')) return `node:${where.split('/')[1] ?? where.slice(5)}`;
  return where.split('/').slice(0, 2).join('/');
}

const REPO_URL = new URL('../../../', import.meta.url).href;

function shortenUrl(url: string): string {
  return url.startsWith(REPO_URL) ? url.slice(REPO_URL.length) : url.replace(/^file:\/\//, '');
}

export function formatSelfTimeTable(rows: SelfTime[], top: number): string {
  const lines = ['| Self % | Self ms | Function | Where |', '| ---: | ---: | --- | --- |'];
  for (const r of rows.slice(0, top)) {
    lines.push(`| ${r.percent.toFixed(1)} | ${r.ms.toFixed(0)} | \`${r.name}\` | ${r.where} |`);
  }
  return lines.join('\n');
}
