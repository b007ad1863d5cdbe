import type { Storage } from 'unstorage';

/**
 * Shared state: what every instance of Tapedeck must see alike (accounts, sessions, throttling
 * counters, per-user data). Documents go through unstorage so the driver is configuration; the few
 * operations that must be atomic across instances (counters, locks, pub/sub) are methods here.
 * Backends: fs (in CACHE_DIR/state) and memory, both one process; Redis later (REDIS_URL).
 */
export interface StateStore {
  /** JSON documents by key (unstorage). fs: CACHE_DIR/state; memory; later redis (REDIS_URL). */
  readonly storage: Storage;
  /** Atomically adds 1 and returns the new count; the counter expires ttlMs after its first increment. */
  increment(key: string, ttlMs: number): Promise<number>;
  /** Milliseconds until the counter expires (0 if none), for Retry-After. */
  ttl(key: string): Promise<number>;
  reset(key: string): Promise<void>;
  /** A lease lock: null when someone else holds it; the lease ends by itself after leaseMs. */
  lock(name: string, leaseMs: number): Promise<{ release(): Promise<void> } | null>;
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, listener: (message: string) => void): () => void;
  dispose(): Promise<void>;
}

export type StateStoreKind = 'fs' | 'memory';

/**
 * Runs `task` holding the lock `name`, waiting for it (polling, bounded by `waitMs`) when another
 * holder has it. Throws when the lock cannot be had in time.
 */
export async function withLock<T>(
  state: StateStore,
  name: string,
  task: () => Promise<T>,
  { leaseMs = 10_000, waitMs = 10_000 } = {},
): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    const held = await state.lock(name, leaseMs);
    if (held) {
      try {
        return await task();
      } finally {
        await held.release();
      }
    }
    if (Date.now() > deadline) throw new Error(`[state] lock ${name} is busy`);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
