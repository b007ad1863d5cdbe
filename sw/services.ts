/**
 * Builds the worker's parts from what the platform gives (fetch, Cache Storage, storage estimate,
 * a broadcast function) and wires them together. sw.ts passes the real globals; the Node tests pass
 * fakes, so both run the same wiring.
 */
import { type Budget, createBudget, type StorageEstimateLike } from './budget.ts';
import { createCatalogVersions } from './catalog-versions.ts';
import type { FetchLike } from './chunk-fetch.ts';
import { type ChunkLoader, createChunkLoader } from './chunk-loader.ts';
import { type ChunkStore, createChunkStore } from './chunk-store.ts';
import { createDownloader, type Downloader } from './downloader.ts';
import { createMessageHandler } from './messages.ts';
import { type CacheStorageLike, createMetaStore } from './meta-store.ts';
import type { WorkerToPage } from './protocol.ts';
import { createQuota, type Quota } from './quota.ts';
import { createSongIndex, type SongIndex } from './song-index.ts';
import { createStateReporter, type StateReporter } from './state-reporter.ts';
import { createStreamHandler, type StreamAnswer } from './stream-cache.ts';

export interface WorkerDeps {
  fetch: FetchLike;
  caches: CacheStorageLike;
  /** The worker's origin, to resolve SongRef.streamUrl. */
  baseUrl: string;
  estimate: () => Promise<Partial<StorageEstimateLike>>;
  persisted: () => Promise<boolean>;
  broadcast: (message: WorkerToPage) => void;
  skipWaiting?: () => unknown;
  /** Minimum ms between two SONG_STATE reports of one song. */
  reportInterval?: number;
  now?: () => number;
}

export interface WorkerServices {
  /** Settles once the index is loaded and reconciled with the caches (never rejects). */
  ready: Promise<void>;
  /** Settles once every song's chunk set was checked against its cache. */
  verified: Promise<void>;
  handleStream(request: Request): StreamAnswer;
  handleMessage(data: unknown): Promise<void>;
  /** A catalog body from the network: purges the old chunks of songs that changed. */
  adoptCatalog(body: unknown): Promise<void>;
  index: SongIndex;
  store: ChunkStore;
  loader: ChunkLoader;
  quota: Quota;
  budget: Budget;
  downloader: Downloader;
  reporter: StateReporter;
}

export function createWorkerServices(deps: WorkerDeps): WorkerServices {
  const meta = createMetaStore(deps.caches);
  const index = createSongIndex(meta, deps.now);
  const budget = createBudget(meta, deps.estimate);
  const quota: Quota = createQuota({ index, budget: budget.get, evict: (id) => evict(id) });
  const store = createChunkStore(deps.caches, index, () => quota);
  const loader = createChunkLoader(deps.fetch, store, index);
  const reporter = createStateReporter({
    stateOf: (id) => index.stateOf(id, downloader.isDownloading(id)),
    broadcast: deps.broadcast,
    interval: deps.reportInterval,
    now: deps.now,
  });
  const downloader = createDownloader({
    loader,
    index,
    reporter,
    broadcast: deps.broadcast,
    baseUrl: deps.baseUrl,
  });
  const evict = async (id: string) => {
    downloader.cancel(id);
    await store.deleteSong(id);
    index.remove(id);
    reporter.changed(id, true);
  };
  index.onChange((id) => reporter.changed(id));

  const ready = (async () => {
    await index.load();
    await store.reconcile();
    await budget.load();
  })().catch(() => {});
  // Listing every song's chunks is slower: it must not delay the first media answer.
  const verified = ready.then(() => store.verify()).catch(() => {});
  const stream = createStreamHandler({ loader, index });
  const messages = createMessageHandler({
    index,
    store,
    quota,
    budget,
    downloader,
    reporter,
    broadcast: deps.broadcast,
    skipWaiting: deps.skipWaiting ?? (() => {}),
    persisted: deps.persisted,
  });

  const catalogVersions = createCatalogVersions({ index, loader, baseUrl: deps.baseUrl });

  return {
    ready,
    verified,
    handleStream(request) {
      const answer = ready.then(() => stream(request));
      return { response: answer.then((a) => a.response), done: answer.then((a) => a.done) };
    },
    handleMessage: (data) => ready.then(() => messages(data)),
    adoptCatalog: (body) => ready.then(() => catalogVersions(body)),
    index,
    store,
    loader,
    quota,
    budget,
    downloader,
    reporter,
  };
}
