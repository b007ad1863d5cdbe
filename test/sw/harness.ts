/**
 * Builds the worker's services exactly as sw.ts does, over an in-memory Cache Storage and a fake
 * stream server, and offers a `get` that plays the media element's part.
 */
import type { WorkerToPage } from '../../sw/protocol.ts';
import { createWorkerServices, type WorkerServices } from '../../sw/services.ts';
import { FakeCacheStorage } from './fake-cache-storage.ts';
import { createFakeServer, ORIGIN } from './fake-server.ts';

export interface HarnessOptions {
  quotaBytes?: number;
  /** What navigator.storage.estimate() reports as quota. */
  storageQuota?: number;
}

export function createHarness(options: HarnessOptions = {}) {
  const server = createFakeServer();
  const caches = new FakeCacheStorage({ quotaBytes: options.quotaBytes });
  const messages: WorkerToPage[] = [];
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
      reportInterval: 0,
    });
  const harness = {
    server,
    caches,
    messages,
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
