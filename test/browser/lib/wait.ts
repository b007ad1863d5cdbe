import { sleep } from './with-timeout.ts';

type Falsy = null | undefined | false | 0 | '';

export interface WaitOptions {
  /** Upper bound for the whole wait. */
  timeoutMs: number;
  /** Pause between probes (default 200 ms). */
  intervalMs?: number;
  /** What was awaited, for the failure message. */
  message: string;
}

/**
 * Polls `probe` until it returns a truthy value and returns that value. Fails after `timeoutMs`
 * with `message`, the last value seen and the last probe error, so a failure says what was wrong.
 */
export async function waitFor<T>(
  probe: () => Promise<T> | T,
  options: WaitOptions,
): Promise<Exclude<T, Falsy>> {
  const { timeoutMs, intervalMs = 200, message } = options;
  const started = Date.now();
  let last: unknown;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as Exclude<T, Falsy>;
      last = value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() - started >= timeoutMs) break;
    await sleep(Math.min(intervalMs, Math.max(0, timeoutMs - (Date.now() - started))));
  }
  const detail = lastError
    ? `last error: ${String(lastError)}`
    : `last value: ${JSON.stringify(last)}`;
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${message}; ${detail}`);
}
