/**
 * Run `task` once the main thread is idle, at the latest after `timeoutMs`, so work nobody waits for
 * (re-fetches, set-up, notices) never lengthens the tasks that paint the library. Returns a cancel
 * function. Safari has no requestIdleCallback: a timer stands in.
 */
export function whenIdle(task: () => void, timeoutMs = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => task(), { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, 50);
  return () => clearTimeout(timer);
}

/**
 * Resolves in a later task: work after it is not part of the task that awaited it, so the browser
 * can paint and answer input in between (start-up is several short tasks, not one long one).
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves in the task after the next frame is painted. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
