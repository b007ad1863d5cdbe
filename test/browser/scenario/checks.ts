import type { BrowserAdapter } from '../adapters/types.ts';

/**
 * Named steps for a scenario. A `step` that fails ends the scenario at once (what follows needs
 * it); a `check` that fails is recorded and the scenario goes on, so that `finish` reports every
 * independent failure together, each with its name and the page's recent logs.
 */
export function createChecks(browser: BrowserAdapter) {
  const failures: string[] = [];
  const describe = (name: string, error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const logs = browser.logs().slice(-12).join('\n');
    return `[${browser.name}] "${name}" failed: ${message}\n  page logs:\n${logs}`;
  };
  return {
    async step<T>(name: string, run: () => Promise<T>): Promise<T> {
      try {
        return await run();
      } catch (error) {
        throw new Error([...failures, describe(name, error)].join('\n\n'));
      }
    },
    async check(name: string, run: () => Promise<unknown>): Promise<boolean> {
      try {
        await run();
        return true;
      } catch (error) {
        failures.push(describe(name, error));
        return false;
      }
    },
    /** Throws every recorded failure, if any. */
    finish(): void {
      if (failures.length > 0) throw new Error(failures.join('\n\n'));
    },
  };
}

/**
 * The totals (`Content-Range: bytes a-b/<total>`) of the worker's media answers to the page for
 * song `id`, from the Chromium adapter's media log lines: a song's answers must all agree.
 */
export function mediaAnswerTotals(logs: string[], id: string): number[] {
  return logs
    .filter((line) => line.startsWith('[media worker] ') && line.includes(`/songs/listen/${id}`))
    .map((line) => /\/(\d+)$/.exec(line)?.[1])
    .filter((total): total is string => total !== undefined)
    .map(Number);
}
