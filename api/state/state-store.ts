import type { Storage } from 'unstorage';

/**
 * Shared state: what every instance of Tapedeck must see alike (accounts, sessions, throttling
 * counters, per-user data). Documents go through unstorage so the driver is configuration; the few
 * operations that must be atomic across instances (counters, locks, pub/sub) are methods here.
 * Backends: fs (in CACHE_DIR/state) and memory, both one process; Redis (REDIS_URL) for several.
 */
export interface StateStore {
  /** JSON documents by key (unstorage). fs: CACHE_DIR/state; memory; redis (REDIS_URL). */
  readonly storage: Storage;
  /**
   * True when documents written with `setItem(key, value, { ttl })` (seconds) are deleted by the
   * backend itself when the time runs out (Redis). fs and memory ignore `ttl`: their callers sweep.
   */
  readonly expiresDocuments?: boolean;
  /** Atomically adds 1 and returns the new count; the counter expires ttlMs after its first increment. */
  increment(key: string, ttlMs: number): Promise<number>;
  /** Milliseconds until the counter expires (0 if none), for Retry-After. */
  ttl(key: string): Promise<number>;
  reset(key: string): Promise<void>;
  /** A lease lock: null when someone else holds it; the lease ends by itself after leaseMs. */
  lock(name: string, leaseMs: number): Promise<LockLease | null>;
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, listener: (message: string) => void): () => void;
  dispose(): Promise<void>;
}

/** A held lock. */
export interface LockLease {
  release(): Promise<void>;
  /** Extends the lease (to `leaseMs`, default the first lease); false if it had already run out. */
  renew(leaseMs?: number): Promise<boolean>;
}

export type StateStoreKind = 'fs' | 'memory' | 'redis';

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
