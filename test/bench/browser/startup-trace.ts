/**
 * What the main thread does while the home view starts, signed in, first visit, CPU slowed 4× as
 * Lighthouse's mobile preset assumes: every task over 20 ms of CPU with what ran inside it
 * (scripts by URL, style, layout, parsing), in start order. A diagnostic for Lighthouse's TBT, not
 * a figure to compare. Run under the shared lock:
 * `flock /tmp/tapedeck-bench.lock npx tsx test/bench/browser/startup-trace.ts`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeAllBrowsers, launchBrowser, signInEveryBrowser } from './browser.ts';
import { killRunning } from './processes.ts';
import { type BenchServer, buildClient, startServer } from './server.ts';

interface TraceEvent {
  ph: string;
  name: string;
  cat: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'toplevel'];

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'tapedeck-trace-'));
  let server: BenchServer | null = null;
  try {
    await buildClient(join(work, 'dist'));
    server = await startServer(join(work, 'dist'), join(work, 'cache'));
    signInEveryBrowser(server.url, server.cookie);
    const browser = await launchBrowser('allow');
    const { page } = browser;
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.setViewportSize({ width: 412, height: 823 });
    await page.goto('about:blank');
    // A persistent context has no Browser object to trace with: trace through CDP.
    const events: TraceEvent[] = [];
    cdp.on(
      'Tracing.dataCollected',
      (e) => void events.push(...(e.value as unknown as TraceEvent[])),
    );
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.start', {
      categories: CATEGORIES.join(','),
      transferMode: 'ReportEvents',
    });
    await page.goto(`${server.url}/`);
    await page.locator('[data-testid="album-card"] img').first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(Number(process.env.TRACE_TAIL_MS ?? 1500));
    // The page's own FCP and LCP (at 4× CPU, unthrottled network: the request chain's depth shows).
    const paints = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
          new PerformanceObserver((list) => {
            const lcp = list.getEntries().at(-1) as PerformanceEntry & { element?: Element };
            resolve(
              `FCP ${fcp.toFixed(0)} ms, LCP ${lcp.startTime.toFixed(0)} ms (${lcp.element?.localName ?? '?'})`,
            );
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        }),
    );
    await cdp.send('Tracing.end');
    await done;
    // TRACE_DUMP=file.json keeps the raw events (for a closer look than this report).
    if (process.env.TRACE_DUMP) writeFileSync(process.env.TRACE_DUMP, JSON.stringify(events));
    process.stdout.write(`${paints}\n`);
    report(events);
    await browser.close();
  } finally {
    killRunning();
    await closeAllBrowsers();
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

function report(events: TraceEvent[]): void {
  // Several renderers (about:blank, then the site's): the one that worked most is the page's.
  const mains = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const busy = (m: TraceEvent) =>
    events
      .filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X')
      .reduce((sum, e) => sum + (e.tdur ?? 0), 0);
  const main = mains.sort((a, b) => busy(b) - busy(a))[0];
  if (!main) throw new Error('no renderer main thread in the trace');
  const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === main.pid);
  const t0 = nav?.ts ?? Math.min(...own.map((e) => e.ts));
  process.stdout.write(`${events.length} events, ${own.length} on the page's main thread\n`);
  // Outermost tasks only (RunTask nests ThreadControllerImpl::RunTask): one row per task.
  const all = own.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts >= t0);
  const cpu = all.map((e) => (e.tdur ?? 0) / 1000);
  const blocking = cpu.reduce((sum, ms) => sum + Math.max(0, ms - 50), 0);
  process.stdout.write(
    `summary: ${all.length} tasks, longest ${Math.round(Math.max(0, ...cpu))} ms CPU, ` +
      `${cpu.filter((ms) => ms > 50).length} over 50 ms, CPU beyond 50 ms summed ${Math.round(blocking)} ms, ` +
      `all CPU ${Math.round(cpu.reduce((a, b) => a + b, 0))} ms\n`,
  );
  requestTimeline(events, t0);
  const tasks = all.filter((e) => (e.tdur ?? 0) / 1000 > 20);
  for (const task of tasks) {
    const inside = own.filter(
      (e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0),
    );
    const parts = new Map<string, number>();
    for (const e of inside) {
      const data = e.args?.data ?? {};
      const url = String(data.url ?? data.functionName ?? '').replace(/^https?:\/\/[^/]+/, '');
      const key = [
        'EvaluateScript',
        'FunctionCall',
        'v8.compileModule',
        'v8.compile',
        'TimerFire',
        'ParseHTML',
        'UpdateLayoutTree',
        'Layout',
        'Paint',
        'FireAnimationFrame',
        'EventDispatch',
        'v8.evaluateModule',
        'XHRReadyStateChange',
        'RunMicrotasks',
        'ParseAuthorStyleSheet',
        'PrePaint',
        'Commit',
      ].includes(e.name)
        ? `${e.name}${url ? ` ${url}` : ''}`
        : null;
      if (key) parts.set(key, (parts.get(key) ?? 0) + (e.dur ?? 0) / 1000);
    }
    const top = [...parts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 7)
      .map(([k, ms]) => `${k} ${ms.toFixed(0)}`)
      .join('; ');
    process.stdout.write(
      `${((task.ts - t0) / 1000).toFixed(0).padStart(6)} ms  cpu ${((task.tdur ?? 0) / 1000).toFixed(0).padStart(4)} ms  wall ${((task.dur ?? 0) / 1000).toFixed(0).padStart(4)}: ${top}\n`,
    );
  }
}

/**
 * When each API request and the first covers were sent and finished (ms after navigation start):
 * shows how deep the first screen's request chain is, whatever the machine's load.
 */
function requestTimeline(events: TraceEvent[], t0: number): void {
  const sent = new Map<string, { url: string; at: number }>();
  const lines: string[] = [];
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    const data = e.args?.data ?? {};
    const id = String(data.requestId ?? '');
    if (e.name === 'ResourceSendRequest') {
      const url = String(data.url ?? '').replace(/^https?:\/\/[^/]+/, '');
      sent.set(id, { url, at: e.ts });
    } else if (e.name === 'ResourceFinish' && sent.has(id)) {
      const { url, at } = sent.get(id)!;
      sent.delete(id);
      if (!url.startsWith('/api/') && !url.startsWith('/assets/index')) continue;
      if (url.includes('/cover') && lines.filter((l) => l.includes('/cover')).length >= 3) continue;
      const ms = (ts: number) => ((ts - t0) / 1000).toFixed(0).padStart(6);
      lines.push(`${ms(at)} → ${ms(e.ts)} ms  ${url.slice(0, 90)}`);
    }
  }
  process.stdout.write(`requests (sent → finished):\n${lines.join('\n')}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[startup-trace] failed:', error);
    process.exit(1);
  },
);
