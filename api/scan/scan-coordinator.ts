import { randomUUID } from 'node:crypto';
import type { StateStore } from '../state/state-store.ts';

const LOCK = 'scan';
const CHANNEL = 'catalog';
const VERSION_KEY = 'catalog:version';

export interface ScanCoordinatorOptions {
  state: StateStore;
  /** Reloads this instance's catalog from the shared catalog store. */
  reload: () => Promise<void>;
  log: { info(message: string): void; warn(message: string): void };
  /** The scan lock's lease, renewed every third of it while the scan runs. */
  leaseMs?: number;
  /** How often the catalog version is checked, in case a message was lost. */
  pollMs?: number;
}

export interface ScanCoordinator {
  /**
   * Runs `scan` (one scan into the shared catalog) unless another instance is scanning; then it
   * answers `busy` at once, and that scan's catalog is loaded here when it is done.
   */
  exclusive<T>(scan: () => Promise<T>, busy: T): Promise<T>;
  dispose(): void;
}

/**
 * One scan at a time across instances, and every instance serving the newest catalog within
 * seconds. The scan runs under a lease lock in the state store (renewed while it runs, so a long
 * scan keeps it and a crashed instance loses it); afterwards a new catalog version is stored and
 * published. The others reload on the message, or on their next poll of the version if a message
 * was lost (Redis pub/sub does not queue for a subscriber that is reconnecting).
 */
export function createScanCoordinator(options: ScanCoordinatorOptions): ScanCoordinator {
  const { state, log } = options;
  const leaseMs = options.leaseMs ?? 30_000;
  const self = randomUUID();
  let known: string | null = null;
  let reloading: Promise<void> | null = null;

  const reload = (version: string) => {
    if (version === known) return reloading ?? Promise.resolve();
    known = version;
    reloading = options.reload().then(
      () => log.info('catalog reloaded: another instance scanned'),
      (error: Error) => {
        known = null; // try again at the next poll
        log.warn(`catalog reload failed: ${error.message}`);
      },
    );
    return reloading;
  };
  const unsubscribe = state.subscribe(CHANNEL, (message) => {
    const { from, version } = parseMessage(message);
    if (from !== self && version) void reload(version);
  });
  const poll = setInterval(() => {
    state.storage.getItem<string>(VERSION_KEY).then(
      (version) => {
        if (version) void reload(version);
      },
      () => {},
    );
  }, options.pollMs ?? 5000);
  poll.unref();
  // Not `known ??= version`: a scan elsewhere may have written this version after this instance
  // loaded its catalog and before this read answered, and its message may have come before the
  // subscription. Reloading is cheap when nothing changed (the catalog compares its own version).
  void state.storage.getItem<string>(VERSION_KEY).then(
    (version) => {
      if (version) void reload(version);
    },
    () => {},
  );

  return {
    async exclusive(scan, busy) {
      const lease = await state.lock(LOCK, leaseMs);
      if (!lease) {
        log.info('scan: another instance is scanning; its catalog will be loaded when it is done');
        return busy;
      }
      const renewal = setInterval(() => {
        void lease.renew?.(leaseMs).then((held) => {
          if (!held) log.warn('scan: the scan lock ran out while scanning');
        });
      }, leaseMs / 3);
      let result: Awaited<ReturnType<typeof scan>>;
      try {
        result = await scan();
      } finally {
        clearInterval(renewal);
        await lease.release();
      }
      const version = randomUUID();
      known = version;
      await state.storage.setItem(VERSION_KEY, version);
      await state.publish(CHANNEL, JSON.stringify({ from: self, version }));
      return result;
    },
    dispose() {
      clearInterval(poll);
      unsubscribe();
    },
  };
}

function parseMessage(message: string): { from?: string; version?: string } {
  try {
    const parsed = JSON.parse(message) as { from?: unknown; version?: unknown };
    return typeof parsed.from === 'string' && typeof parsed.version === 'string'
      ? { from: parsed.from, version: parsed.version }
      : {};
  } catch {
    return {};
  }
}
