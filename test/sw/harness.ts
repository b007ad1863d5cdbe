/**
 * Builds the worker's services exactly as sw.ts does, over an in-memory Cache Storage and a fake
 * stream server, and offers a `get` that plays the media element's part.
 */
import { createMemoryKeyStore, type KeyringState } from '../../sw/keyring.ts';
import type { WorkerToPage } from '../../sw/protocol.ts';
import { importOfflineKey, keyIdOf } from '../../sw/seal.ts';
import { createWorkerServices, type WorkerServices } from '../../sw/services.ts';
import { FakeCacheStorage } from './fake-cache-storage.ts';
import { createFakeServer, ORIGIN, TEST_USER } from './fake-server.ts';

export interface HarnessOptions {
  quotaBytes?: number;
  /** What navigator.storage.estimate() reports as quota. */
  storageQuota?: number;
  /**
   * The worker starts holding TEST_USER's offline key (as after a sign-in), so chunks are kept
   * from the first request. False: it holds no key (a browser that never signed in).
   */
  signedIn?: boolean;
}

/** The keyring state a sign-in of `userId` leaves behind, for the key `raw`. */
export async function signedInState(
  userId: string,
  raw: Uint8Array<ArrayBuffer>,
): Promise<KeyringState> {
  const key = { id: await keyIdOf(raw), key: await importOfflineKey(raw), createdAt: '' };
  return { userId, keys: [key], locked: false };
}

export function createHarness(options: HarnessOptions = {}) {
  const server = createFakeServer();
  const caches = new FakeCacheStorage({ quotaBytes: options.quotaBytes });
  const messages: WorkerToPage[] = [];
  // The key store persists across restart(), like IndexedDB across worker restarts.
  const keyStore = createMemoryKeyStore();
  const seeded =
    options.signedIn === false
      ? Promise.resolve()
      : signedInState(TEST_USER, server.keyOf(TEST_USER)).then((state) => {
          keyStore.value = state;
        });
  const get = keyStore.get;
  keyStore.get = async () => {
    await seeded;
    return get();
  };
  const build = (): WorkerServices =>
    createWorkerServices({
      fetch: server.fetch,
      caches,
      baseUrl: ORIGIN,
      estimate: async () => ({
        usage: caches.totalBytes(),
        quota: options.storageQuota ?? 10 * 1024 ** 3,
      }),
      persisted: async () => true,
      broadcast: (message) => messages.push(message),
      keyStore,
      reportInterval: 0,
    });
  const harness = {
    server,
    caches,
    messages,
    keyStore,
    sw: build(),
    /** A new worker over the same caches, as after the browser stopped and restarted it. */
    restart() {
      harness.sw = build();
      return harness.sw;
    },
    /** Sends a stream request through the worker (not awaiting the body). */
    open(id: string, headers: Record<string, string> = {}, query = '') {
      return harness.sw.handleStream(new Request(server.url(id) + query, { headers }));
    },
    /** Sends a stream request and reads the whole answer. */
    async get(id: string, headers: Record<string, string> = {}) {
      const { response, done } = harness.open(id, headers);
      const res = await response;
      const bytes = new Uint8Array(await res.arrayBuffer());
      await done;
      await harness.sw.index.flush();
      return { status: res.status, headers: res.headers, bytes };
    },
    /** Chunk requests the server saw since `from`. */
    ranges(from = 0) {
      return server.seen.slice(from).map((r) => r.range);
    },
  };
  return harness;
}
