/**
 * A Workbox plugin that keeps the catalog and covers sealed like the chunks: a response is sealed
 * (status, headers and body, bound to its URL) before it enters the cache, and opened when it is
 * read. Without a key, or while the session is locked, nothing is stored and nothing is served from
 * the cache: a signed-out page never gets the library from here, and a profile copied off the
 * device holds no title. A plain entry kept before sealing existed is sealed first, then served.
 * List it after CacheableResponsePlugin (which filters what may be kept) and before
 * ExpirationPlugin (which reads the opened response's Date).
 */
import type { WorkboxPlugin } from 'workbox-core/types.js';
import type { Keyring } from './keyring.ts';
import type { CacheStorageLike } from './meta-store.ts';
import { frameResponse, openEntry, sealEntry, unframeResponse } from './sealed-entry.ts';

export function createSealPlugin(keyring: Keyring, caches: CacheStorageLike): WorkboxPlugin {
  const usable = () => (keyring.locked() ? null : keyring.current());
  return {
    async cacheWillUpdate({ request, response }) {
      const key = usable();
      if (!key || response.status !== 200) return null;
      return sealEntry(key, 'response', request.url, await frameResponse(response));
    },
    async cachedResponseWillBeUsed({ cacheName, request, cachedResponse }) {
      const key = usable();
      if (!cachedResponse || !key) return null;
      const opened = await openEntry(keyring, 'response', request.url, cachedResponse.clone());
      if (opened.status === 'open') return unframeResponse(opened.bytes);
      if (opened.status === 'unreadable' || cachedResponse.status !== 200) return null;
      // Migration: seal the plain entry in place before serving it.
      const plain = await frameResponse(cachedResponse.clone());
      const cache = await caches.open(cacheName);
      await cache.put(request.url, await sealEntry(key, 'response', request.url, plain));
      return cachedResponse;
    },
  };
}
