import type { Audit } from './lighthouse.ts';

type Item = Record<string, unknown>;

/** One line per detail item (the element, or the URL, and why), a few at most. */
export function describeItems(raw: unknown, max = 5): string[] {
  if (!raw) return [];
  if (!Array.isArray(raw)) {
    // A checklist ({ key: { label, value } }): the checks that failed.
    return Object.values(raw as Record<string, { label?: string; value?: unknown }>)
      .filter((check) => check?.value === false && check.label)
      .map((check) => `failed check: ${check.label}`);
  }
  const lines: string[] = [];
  for (const item of raw as Item[]) {
    if (lines.length >= max) break;
    // A list of sub-tables: describe what they hold.
    if (Array.isArray(item.items)) lines.push(...describeItems(item.items, max - lines.length));
    else if (item.type === 'list-section') lines.push('(a request tree: see the JSON report)');
    else lines.push(describeItem(item));
  }
  return [...new Set(lines)].slice(0, max);
}

/** Where the performance time went, from the diagnostic audits, in a few lines. */
export function performanceDiagnostics(audits: Record<string, Audit>): string[] {
  const lines: string[] = [];
  const lcp = tables(audits['largest-contentful-paint-element']);
  const node = lcp[0]?.[0]?.node as Record<string, string> | undefined;
  if (node) {
    const phases = (lcp[1] ?? [])
      .map((p) => `${p.phase} ${Math.round(Number(p.timing))} ms (${p.percent})`)
      .join(', ');
    lines.push(`LCP element: \`${node.selector}\` "${node.nodeLabel}"; ${phases}`);
  }
  const longTasks = tables(audits['long-tasks'])[0] ?? [];
  if (longTasks.length > 0) {
    const top = longTasks
      .slice(0, 6)
      .map(
        (t) =>
          `${Math.round(Number(t.duration))} ms at ${Math.round(Number(t.startTime))} ms in ${shortUrl(t.url)}`,
      );
    lines.push(`Long tasks (longest first): ${top.join('; ')}`);
  }
  const bootup = tables(audits['bootup-time'])[0] ?? [];
  if (bootup.length > 0) {
    const top = bootup
      .slice(0, 3)
      .map(
        (b) =>
          `${shortUrl(b.url)} ${Math.round(Number(b.total))} ms (script ${Math.round(Number(b.scripting))} ms)`,
      );
    lines.push(`CPU by script: ${top.join('; ')}`);
  }
  const work = tables(audits['mainthread-work-breakdown'])[0] ?? [];
  if (work.length > 0) {
    const top = work.slice(0, 4).map((w) => `${w.groupLabel} ${Math.round(Number(w.duration))} ms`);
    lines.push(`Main thread: ${top.join(', ')}`);
  }
  return lines;
}

function describeItem(item: Item): string {
  const node = item.node as Record<string, string> | undefined;
  const source = item.source as Record<string, string> | undefined;
  const wasted = typeof item.wastedBytes === 'number' ? item.wastedBytes : null;
  const parts = [
    node?.selector,
    node?.snippet,
    node?.explanation?.split('\n').join(' '),
    shortUrl(typeof item.url === 'string' ? item.url : source?.url),
    typeof item.description === 'string' ? item.description : undefined,
    typeof item.label === 'string' ? item.label : undefined,
    wasted === null ? undefined : `${Math.round(wasted / 1024)} KiB to save`,
  ].filter((p): p is string => Boolean(p));
  const line = parts.join(' — ') || JSON.stringify(item);
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}

/** The rows of an audit's table, or of each table in its list. */
function tables(audit: Audit | undefined): Item[][] {
  const items = audit?.details?.items;
  if (!Array.isArray(items)) return [];
  if (items.every((i: Item) => Array.isArray(i.items)))
    return items.map((i: Item) => i.items as Item[]);
  return [items as Item[]];
}

/** The loopback origin changes every run: keep the path. */
function shortUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  return url.replace(/^https?:\/\/127\.0\.0\.1:\d+/, '') || '/';
}
