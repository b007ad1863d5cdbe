import { withTimeout } from '../lib/with-timeout.ts';
import type { EngineName, PageFunction } from './types.ts';

/**
 * Wraps a page function into one expression that every driver can evaluate the same way: it
 * resolves to a JSON string carrying either the value or the page-side error, so values and errors
 * look identical whichever protocol carried them.
 */
export function toPageExpression(fn: (...args: never[]) => unknown, args: unknown[]): string {
  const source = fn.toString();
  // esbuild/tsx (keepNames) wrap named functions in `__name(...)`: give the page a no-op one.
  return `(async () => {
  const __name = (target) => target;
  try {
    const value = await (${source})(...${JSON.stringify(args)});
    return JSON.stringify({ ok: true, value: value === undefined ? null : value });
  } catch (error) {
    // Firefox and WebKit stacks omit the message: send both.
    const stack = error && error.stack ? '\\n' + error.stack : '';
    return JSON.stringify({ ok: false, error: String(error) + stack });
  }
})()`;
}

/** Unwraps what `toPageExpression` resolved to; rethrows page errors in Node with the engine named. */
export function fromPageResult<R>(engine: EngineName, raw: unknown): R {
  if (typeof raw !== 'string') {
    throw new Error(
      `[${engine}] evaluate: expected a JSON string from the page, got ${typeof raw}`,
    );
  }
  const result = JSON.parse(raw) as { ok: true; value: R } | { ok: false; error: string };
  if (!result.ok) throw new Error(`[${engine}] page error: ${result.error}`);
  return result.value;
}

/** What Playwright's and Puppeteer's pages both offer (the WebDriver adapter has its own). */
export interface ScriptablePage {
  goto(url: string, options: { waitUntil: 'load' }): Promise<unknown>;
  reload(options: { waitUntil: 'load' }): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
  screenshot(options: { path: string }): Promise<unknown>;
}

/** open, reload, evaluate and screenshot of a BrowserAdapter over such a page. */
export function pageMethods(engine: EngineName, page: ScriptablePage, evaluateTimeoutMs: number) {
  return {
    async open(url: string) {
      await page.goto(url, { waitUntil: 'load' });
    },
    async reload() {
      await page.reload({ waitUntil: 'load' });
    },
    async evaluate<R, A extends unknown[]>(
      fn: PageFunction<A, R>,
      ...args: A
    ): Promise<Awaited<R>> {
      const raw = await withTimeout(
        page.evaluate(toPageExpression(fn, args)),
        evaluateTimeoutMs,
        `[${engine}] evaluate ${fn.name || 'anonymous function'}`,
      );
      return fromPageResult<Awaited<R>>(engine, raw);
    },
    async screenshot(path: string) {
      await page.screenshot({ path });
    },
  };
}
