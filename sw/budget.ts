/**
 * How many bytes of song chunks we allow ourselves: min(60 % of the storage quota, 2 GiB) by
 * default, or what the user set (SET_BUDGET), persisted in the meta store.
 */
import type { MetaStore } from './meta-store.ts';

export const MAX_DEFAULT_BUDGET = 2 * 1024 ** 3;
const QUOTA_SHARE = 0.6;
const KEY = 'settings/budget';

export interface StorageEstimateLike {
  usage: number;
  quota: number;
}

export interface Budget {
  load(): Promise<void>;
  get(): number;
  /** A positive byte count, or null to go back to the default. */
  set(bytes: number | null): Promise<void>;
  /** Re-reads the storage estimate (also updates the default budget). */
  estimate(): Promise<StorageEstimateLike>;
}

export function defaultBudget(quota: number | null): number {
  return quota && quota > 0
    ? Math.min(Math.floor(quota * QUOTA_SHARE), MAX_DEFAULT_BUDGET)
    : MAX_DEFAULT_BUDGET;
}

export function createBudget(
  meta: MetaStore,
  estimate: () => Promise<Partial<StorageEstimateLike>>,
): Budget {
  let chosen: number | null = null;
  let quota: number | null = null;
  const read = async () => {
    const result = await estimate().catch(() => ({}) as Partial<StorageEstimateLike>);
    quota = result.quota ?? quota;
    return { usage: result.usage ?? 0, quota: result.quota ?? 0 };
  };
  return {
    async load() {
      const saved = await meta.get(KEY).catch(() => undefined);
      chosen = typeof saved === 'number' && saved > 0 ? saved : null;
      await read();
    },
    get: () => chosen ?? defaultBudget(quota),
    async set(bytes) {
      chosen = bytes !== null && Number.isFinite(bytes) && bytes > 0 ? Math.floor(bytes) : null;
      await (chosen === null ? meta.delete(KEY) : meta.put(KEY, chosen)).catch(() => {});
    },
    estimate: read,
  };
}
