import type { EngineName } from './types.ts';

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
