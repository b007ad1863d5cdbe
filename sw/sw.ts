/**
 * Tapedeck's service worker entry: wiring only. Worker-only globals (self, clients, registration)
 * stay in this file so every other module loads in Node for the unit tests.
 */
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ExpirationPlugin } from 'workbox-expiration';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  getCacheKeyForURL,
  type PrecacheEntry,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { CATALOG_CACHE, COVER_CACHE, isStaleCacheName } from './cache-names.ts';
import { OFFLINE_CHANNEL, type WorkerToPage } from './protocol.ts';
import { createWorkerServices } from './services.ts';
import { songIdFromPath } from './stream-cache.ts';

declare let self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<PrecacheEntry | string>;
  __WB_DISABLE_DEV_LOGS: boolean;
};

self.__WB_DISABLE_DEV_LOGS = true;

// App shell.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
if (getCacheKeyForURL('/index.html')) {
  const shell = createHandlerBoundToURL('/index.html');
  registerRoute(new NavigationRoute(shell, { denylist: [/^\/api\//, /^\/songs\//] }));
}

const sameOrigin = (url: URL) => url.origin === self.location.origin;
const DAY = 24 * 60 * 60;

// Covers: immutable enough for cache-first; bounded in count and age.
registerRoute(
  ({ url }) =>
    sameOrigin(url) && /^\/api\/(songs|albums|artists)\/[^/]+\/cover$/.test(url.pathname),
  new CacheFirst({
    cacheName: COVER_CACHE,
    plugins: [
      new CacheableResponsePlugin({ statuses: [0, 200] }),
      new ExpirationPlugin({ maxEntries: 500, maxAgeSeconds: 30 * DAY, purgeOnQuotaError: true }),
    ],
  }),
);

// Catalog JSON: fresh when the network answers within 3 s, the last copy otherwise (offline library).
// The browse views (albums, artists, genres) and the user's own lists are read the same way, so a
// view seen online opens offline too.
const CATALOG_PATH = /^\/api\/(songs|albums|artists|genres|playlists|favourites|plays)(\/[^/]+)?$/;
registerRoute(
  ({ url }) => sameOrigin(url) && CATALOG_PATH.test(url.pathname),
  new NetworkFirst({
    cacheName: CATALOG_CACHE,
    networkTimeoutSeconds: 3,
    // Every search is its own entry: keep the most recent ones only.
    plugins: [
      new CacheableResponsePlugin({ statuses: [200] }),
      new ExpirationPlugin({ maxEntries: 200, purgeOnQuotaError: true }),
      {
        // A song changed on the server: drop its old chunks before the page sees the new ETag.
        fetchDidSucceed: async ({ response }) => {
          if (response.ok) {
            await response
              .clone()
              .json()
              .then((body: unknown) => services.adoptCatalog(body))
              .catch(() => {});
          }
          return response;
        },
      },
    ],
  }),
);

// Songs: every media response is built here from the chunk cache (see stream-cache.ts).
const channel = new BroadcastChannel(OFFLINE_CHANNEL);
const services = createWorkerServices({
  fetch: (url, init) => fetch(url, init),
  caches,
  baseUrl: self.location.origin,
  estimate: async () => (await navigator.storage?.estimate?.()) ?? {},
  persisted: async () => (await navigator.storage?.persisted?.()) ?? false,
  broadcast: (message: WorkerToPage) => channel.postMessage(message),
  skipWaiting: () => self.skipWaiting(),
});

registerRoute(
  ({ url }) => sameOrigin(url) && songIdFromPath(url.pathname) !== null,
  ({ request, event }) => {
    const { response, done } = services.handleStream(request);
    // Keep the worker alive until the body is streamed and its chunks are stored.
    try {
      (event as ExtendableEvent | undefined)?.waitUntil(done);
    } catch {
      // the event already finished (cannot happen for a fetch); the answer stands anyway
    }
    return response;
  },
);

self.addEventListener('message', (event) => {
  event.waitUntil(services.handleMessage(event.data).catch(() => {}));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await self.clients.claim();
      for (const name of await caches.keys()) if (isStaleCacheName(name)) await caches.delete(name);
    })(),
  );
});
