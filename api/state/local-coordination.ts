import { randomUUID } from 'node:crypto';
import { createStorage, type Driver } from 'unstorage';
import type { StateStore } from './state-store.ts';

type Coordination = Pick<
  StateStore,
  'increment' | 'ttl' | 'reset' | 'lock' | 'publish' | 'subscribe'
> & { dispose(): void };

const SWEEP_MS = 60_000;

/**
 * A state store of this process (fs, memory): documents through `driver`, counters, locks and
 * pub/sub in memory.
 */
export function createLocalStateStore(driver: Driver, now?: () => number): StateStore {
  const storage = createStorage({ driver });
  const local = createLocalCoordination(now);
  return {
    storage,
    ...local,
    async dispose() {
      local.dispose();
      await storage.dispose();
    },
  };
}

/**
 * Counters, lease locks and pub/sub inside one process: what the fs and memory backends share.
 * They are only as wide as the process, which is all those backends promise (Redis spans
 * instances). Expired counters are swept every minute so a flood of distinct keys cannot grow
 * memory without bound.
 */
function createLocalCoordination(now: () => number = Date.now): Coordination {
  const counters = new Map<string, { count: number; expiresAt: number }>();
  const locks = new Map<string, { token: string; expiresAt: number }>();
  const channels = new Map<string, Set<(message: string) => void>>();

  const live = (key: string) => {
    const counter = counters.get(key);
    if (counter && counter.expiresAt <= now()) {
      counters.delete(key);
      return undefined;
    }
    return counter;
  };
  const sweep = setInterval(() => {
    for (const key of counters.keys()) live(key);
  }, SWEEP_MS);
  sweep.unref();

  return {
    async increment(key, ttlMs) {
      const counter = live(key) ?? { count: 0, expiresAt: now() + ttlMs };
      counter.count += 1;
      counters.set(key, counter);
      return counter.count;
    },
    async ttl(key) {
      const counter = live(key);
      return counter ? Math.max(0, counter.expiresAt - now()) : 0;
    },
    async reset(key) {
      counters.delete(key);
    },
    async lock(name, leaseMs) {
      const held = locks.get(name);
      if (held && held.expiresAt > now()) return null;
      const token = randomUUID();
      locks.set(name, { token, expiresAt: now() + leaseMs });
      return {
        async release() {
          // Only the holder releases: a lease that ran out may belong to someone else by now.
          if (locks.get(name)?.token === token) locks.delete(name);
        },
        async renew(ms = leaseMs) {
          const lease = locks.get(name);
          if (lease?.token !== token || lease.expiresAt <= now()) return false;
          lease.expiresAt = now() + ms;
          return true;
        },
      };
    },
    async publish(channel, message) {
      // Delivered in a later task, as a message broker would: never inside the publisher's call.
      for (const listener of channels.get(channel) ?? []) {
        setImmediate(() => listener(message));
      }
    },
    subscribe(channel, listener) {
      const listeners = channels.get(channel) ?? new Set();
      listeners.add(listener);
      channels.set(channel, listeners);
      return () => listeners.delete(listener);
    },
    dispose() {
      clearInterval(sweep);
      channels.clear();
    },
  };
}
