import type { Page } from 'playwright-core';

/** What one scroll through a long view cost the page. */
export interface ScrollResult {
  /** Rows or cards on screen when the end was reached (the last item's text, to prove it). */
  lastItem: string | null;
  itemsPassed: number;
  steps: number;
  seconds: number;
  /** Elements in the page, shadow roots included: the largest count seen, and at the end. */
  maxElements: number;
  endElements: number;
  /** Long tasks (≥ 50 ms of wall time) Chromium reported during the scroll. */
  longTasks: number;
  longestTaskMs: number;
  tasksOver200Ms: number;
}

/** Installed before the page's scripts: collects long tasks from the start. */
export const LONG_TASK_OBSERVER = `
  globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) globalThis.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

/** Page function: every element, inside open shadow roots too. */
export const countElements = () => {
  let count = 0;
  const visit = (root: ParentNode) => {
    for (const element of root.querySelectorAll('*')) {
      count++;
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  return count;
};

export interface ScrollOptions {
  /** Pixels per step, in viewports. */
  viewportsPerStep: number;
  /** Stop after this long even if the end is not reached (a peer that cannot get there). */
  limitMs: number;
  /** Stop once this many items were passed (a bounded comparison at equal depth). */
  maxItems?: number;
  /** How many items the page has passed (from the page), and the last one's text. */
  probe: () => { passed: number; last: string | null };
}

/**
 * Scrolls the window down `viewportsPerStep` screens at a time, letting the page render (two
 * frames) and fetch (until the page stops growing or loading, bounded) after each step, until the
 * end of the list, `maxItems` or `limitMs`.
 */
/** Whether the page gets taller within `ms` (an infinite list loading its next page). */
async function growsWithin(page: Page, ms: number): Promise<boolean> {
  const before = await page.evaluate(() => document.documentElement.scrollHeight);
  return page
    .waitForFunction((height) => document.documentElement.scrollHeight > height, before, {
      timeout: ms,
      polling: 100,
    })
    .then(
      () => true,
      () => false,
    );
}

export async function scrollToEnd(page: Page, options: ScrollOptions): Promise<ScrollResult> {
  const started = Date.now();
  let maxElements = 0;
  let steps = 0;
  let stalled = 0;
  let passed = 0;
  let last: string | null = null;
  await page.evaluate(() => {
    (globalThis as unknown as { __longTasks: number[] }).__longTasks.length = 0;
  });
  for (;;) {
    const atEnd = await page.evaluate(async (viewports) => {
      const before = document.documentElement.scrollHeight;
      scrollBy(0, innerHeight * viewports);
      for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
      const bottom = scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
      return bottom && document.documentElement.scrollHeight === before;
    }, options.viewportsPerStep);
    steps++;
    ({ passed, last } = await page.evaluate(options.probe));
    if (steps % 10 === 0 || atEnd)
      maxElements = Math.max(maxElements, await page.evaluate(countElements));
    if (steps % 50 === 0) process.stderr.write(`  step ${steps}: ${passed} items\n`);
    // At the bottom: give an infinite list up to 3 s to grow, a virtual one to fill its last page.
    const grew = atEnd && (await growsWithin(page, 3000));
    stalled = atEnd && !grew ? stalled + 1 : 0;
    const done = stalled >= 2 || Date.now() - started > options.limitMs;
    if (done || (options.maxItems !== undefined && passed >= options.maxItems)) break;
  }
  const endElements = await page.evaluate(countElements);
  const tasks = await page.evaluate(
    () => (globalThis as unknown as { __longTasks: number[] }).__longTasks,
  );
  return {
    lastItem: last,
    itemsPassed: passed,
    steps,
    seconds: (Date.now() - started) / 1000,
    maxElements: Math.max(maxElements, endElements),
    endElements,
    longTasks: tasks.length,
    longestTaskMs: Math.round(Math.max(0, ...tasks)),
    tasksOver200Ms: tasks.filter((t) => t > 200).length,
  };
}
