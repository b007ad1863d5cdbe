/**
 * Tiny JSON key/value store kept in one Cache. Chosen over IndexedDB so the worker and the Node
 * tests share one implementation (the tests pass an in-memory CacheStorage).
 */
import { META_CACHE } from './cache-names.ts';

export type CacheStorageLike = Pick<CacheStorage, 'open' | 'delete' | 'keys' | 'has'>;

export interface MetaStore {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every [key, value] whose key starts with `prefix`. */
  list(prefix: string): Promise<Array<[string, unknown]>>;
}

const ORIGIN = 'https://tapedeck.meta/';

export function createMetaStore(caches: CacheStorageLike): MetaStore {
  const open = () => caches.open(META_CACHE);
  return {
    async get(key) {
      const response = await (await open()).match(ORIGIN + key);
      return response ? readJson(response) : undefined;
    },
    async put(key, value) {
      const body = JSON.stringify(value);
      const headers = { 'Content-Type': 'application/json' };
      await (await open()).put(ORIGIN + key, new Response(body, { headers }));
    },
    async delete(key) {
      await (await open()).delete(ORIGIN + key);
    },
    async list(prefix) {
      const cache = await open();
      const out: Array<[string, unknown]> = [];
      for (const request of await cache.keys()) {
        const key = request.url.startsWith(ORIGIN) ? request.url.slice(ORIGIN.length) : null;
        if (key === null || !key.startsWith(prefix)) continue;
        const response = await cache.match(request);
        const value = response ? await readJson(response) : undefined;
        if (value !== undefined) out.push([key, value]);
      }
      return out;
    },
  };
}

/** A corrupt record reads as missing rather than breaking the worker. */
async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}
