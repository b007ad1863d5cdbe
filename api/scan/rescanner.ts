import { serialize } from '../lib/serialize.ts';
import type { ScanReport } from './scan-library.ts';

export interface Rescanner {
  /**
   * Runs an incremental scan, one at a time: a call made during a scan waits for it and then runs
   * once more (several such calls share that run). Never rejects: a failure is logged with its
   * cause (once while it repeats) and the server goes on with the catalog it has.
   */
  rescan(reason: string): Promise<ScanReport | null>;
}

export function createRescanner({
  scan,
  log,
}: {
  scan: () => Promise<ScanReport>;
  log: { info(message: string): void; error(message: string, error?: unknown): void };
}): Rescanner {
  let lastFailure: string | null = null;
  let lastReport: ScanReport | null = null;
  const run = serialize(async () => {
    try {
      lastReport = await scan();
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
      await run();
      return lastReport;
    },
  };
}
