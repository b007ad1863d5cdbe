import { serialize } from '../lib/serialize.ts';
import type { ScanReport } from './scan-library.ts';

export interface Rescanner {
  /**
   * Runs an incremental scan of the whole library, one scan at a time: a call made during a scan
   * waits for it and then runs once more (several such calls share that run). Never rejects: a
   * failure is logged with its cause (once while it repeats) and the server goes on with the
   * catalog it has.
   */
  rescan(reason: string): Promise<ScanReport | null>;
  /**
   * Rescans the file at `key` only (stat, read again if its version changed), in the same queue:
   * keys asked for while a scan runs are done together after it, or by the full scan if one is
   * asked for too. Never rejects, like rescan.
   */
  rescanKey(key: string, reason: string): Promise<ScanReport | null>;
}

export function createRescanner({
  scan,
  scanKeys,
  log,
}: {
  scan: () => Promise<ScanReport>;
  scanKeys: (keys: string[]) => Promise<ScanReport>;
  log: { info(message: string): void; error(message: string, error?: unknown): void };
}): Rescanner {
  let lastFailure: string | null = null;
  let lastReport: ScanReport | null = null;
  let wholeAsked = false;
  const keysAsked = new Set<string>();
  const run = serialize(async () => {
    const whole = wholeAsked;
    const keys = [...keysAsked];
    wholeAsked = false;
    keysAsked.clear();
    if (!whole && keys.length === 0) return;
    try {
      lastReport = await (whole ? scan() : scanKeys(keys));
      lastFailure = null;
    } catch (error) {
      lastReport = null;
      const message = String((error as Error)?.message ?? error);
      if (message !== lastFailure) log.error('rescan failed; serving the catalog as it was', error);
      lastFailure = message;
    }
  });
  return {
    async rescan(reason) {
      log.info(`rescan: ${reason}`);
      wholeAsked = true;
      await run();
      return lastReport;
    },
    async rescanKey(key, reason) {
      log.info(`rescan: ${reason}`);
      keysAsked.add(key);
      await run();
      return lastReport;
    },
  };
}
