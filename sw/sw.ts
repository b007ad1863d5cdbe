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
import { CacheFirst, NetworkFirst, NetworkOnly } from 'workbox-strategies';
import { isApiPath, isCatalogPath, isCoverPath } from './api-paths.ts';
import { CATALOG_CACHE, COVER_CACHE, isStaleCacheName } from './cache-names.ts';
import { createIdbKeyStore } from './key-store-idb.ts';
import { DONE, OFFLINE_CHANNEL, type WorkerToPage } from './protocol.ts';
import { createSealPlugin } from './seal-plugin.ts';
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

// Songs: every media response is built here from the chunk cache (see stream-cache.ts).
const channel = new BroadcastChannel(OFFLINE_CHANNEL);
const coverExpiration = new ExpirationPlugin({
  maxEntries: 500,
  maxAgeSeconds: 30 * DAY,
  purgeOnQuotaError: true,
});
// Every search is its own entry: keep the most recent ones only.
const catalogExpiration = new ExpirationPlugin({ maxEntries: 200, purgeOnQuotaError: true });
const services = createWorkerServices({
  fetch: (url, init) => fetch(url, init),
  caches,
  baseUrl: self.location.origin,
  estimate: async () => (await navigator.storage?.estimate?.()) ?? {},
  persisted: async () => (await navigator.storage?.persisted?.()) ?? false,
  broadcast: (message: WorkerToPage) => channel.postMessage(message),
  keyStore: createIdbKeyStore(),
  wipeExtra: async () => {
    await coverExpiration.deleteCacheAndMetadata();
    await catalogExpiration.deleteCacheAndMetadata();
  },
  skipWaiting: () => self.skipWaiting(),
  isActive: () => self.serviceWorker?.state === 'activated',
});

// What the server answers about this browser's session (a 401, an account removed) reaches
// the worker's account logic; only 200s are ever kept, sealed (seal-plugin.ts).
const watchSession = {
  fetchDidSucceed: async ({ request, response }: { request: Request; response: Response }) => {
    await services.inspect(request.url, response);
    return response;
  },
};
const sealed = createSealPlugin(services.keyring, caches);
const okOnly = new CacheableResponsePlugin({ statuses: [200] });

// Covers: immutable enough for cache-first; bounded in count and age.
registerRoute(
  ({ url }) => sameOrigin(url) && isCoverPath(url.pathname),
  new CacheFirst({
    cacheName: COVER_CACHE,
    plugins: [watchSession, okOnly, sealed, coverExpiration],
  }),
);

// Catalog JSON: fresh when the network answers within 3 s, the last copy otherwise (offline library).
registerRoute(
  ({ url }) => sameOrigin(url) && isCatalogPath(url.pathname),
  new NetworkFirst({
    cacheName: CATALOG_CACHE,
    networkTimeoutSeconds: 3,
    plugins: [
      watchSession,
      okOnly,
      sealed,
      catalogExpiration,
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

// Every other API GET (the session check at start among them) goes to the network, watched.
registerRoute(
  ({ url }) => sameOrigin(url) && isApiPath(url.pathname),
  new NetworkOnly({ plugins: [watchSession] }),
);

registerRoute(
  ({ url }) => sameOrigin(url) && songIdFromPath(url.pathname) !== null,
  ({ request, event }) => {
    const media = request.destination === 'audio' || request.destination === 'video';
    const { response, done } = services.handleStream(request, { media });
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
  const reply = event.ports[0];
  event.waitUntil(
    services
      .handleMessage(event.data)
      .catch(() => {})
      .then(() => reply?.postMessage(DONE)),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await self.clients.claim();
      for (const name of await caches.keys()) if (isStaleCacheName(name)) await caches.delete(name);
    })(),
  );
  // Copies kept by an earlier version (plain, or under an older key) are sealed in the background.
  void services.verified.then(() => services.reseal());
});
