/**
 * Builds the worker's parts from what the platform gives (fetch, Cache Storage, storage estimate,
 * a broadcast function) and wires them together. sw.ts passes the real globals; the Node tests pass
 * fakes, so both run the same wiring.
 */
import { type Account, createAccount } from './account.ts';
import { createAutoFill } from './auto-fill.ts';
import { type Budget, createBudget, type StorageEstimateLike } from './budget.ts';
import { createCatalogVersions } from './catalog-versions.ts';
import type { FetchLike } from './chunk-fetch.ts';
import { type ChunkLoader, createChunkLoader } from './chunk-loader.ts';
import { type ChunkStore, createChunkStore } from './chunk-store.ts';
import { createDownloader, type Downloader } from './downloader.ts';
import { createKeyring, type Keyring, type KeyStore } from './keyring.ts';
import { createMessageHandler } from './messages.ts';
import { type CacheStorageLike, createMetaStore } from './meta-store.ts';
import type { WorkerToPage } from './protocol.ts';
import { createQuota, type Quota } from './quota.ts';
import { createResealer } from './reseal.ts';
import { createSongIndex, type SongIndex } from './song-index.ts';
import { createStateReporter, type StateReporter } from './state-reporter.ts';
import { createStreamHandler, type StreamAnswer } from './stream-cache.ts';
import { createWipe } from './wipe.ts';

export interface WorkerDeps {
  fetch: FetchLike;
  caches: CacheStorageLike;
  /** The worker's origin, to resolve SongRef.streamUrl. */
  baseUrl: string;
  estimate: () => Promise<Partial<StorageEstimateLike>>;
  persisted: () => Promise<boolean>;
  broadcast: (message: WorkerToPage) => void;
  /** Where the offline keys persist (IndexedDB in the worker). */
  keyStore: KeyStore;
  /** Wiping also clears what the wiring keeps beside the caches (Workbox expiration records). */
  wipeExtra?: () => Promise<void>;
  skipWaiting?: () => unknown;
  /**
   * Whether this worker is the active one. A new version installing beside the old one must not
   * walk the caches at start: the old one may still write plain chunks until it is replaced
   * (sw.ts walks on activate instead). Default: active.
   */
  isActive?: () => boolean;
  /** Minimum ms between two SONG_STATE reports of one song. */
  reportInterval?: number;
  now?: () => number;
}

export interface WorkerServices {
  /** Settles once the index is loaded and reconciled with the caches (never rejects). */
  ready: Promise<void>;
  /** Settles once every song's chunk set was checked against its cache. */
  verified: Promise<void>;
  /** `media`: the request comes from a media element (destination audio/video). */
  handleStream(request: Request, options?: { media?: boolean }): StreamAnswer;
  handleMessage(data: unknown): Promise<void>;
  /** Every answer of our origin's private surface that the worker sees (account.ts). */
  inspect(url: string, response: Response): Promise<void>;
  /** A catalog body from the network: purges the old chunks of songs that changed. */
  adoptCatalog(body: unknown): Promise<void>;
  index: SongIndex;
  store: ChunkStore;
  loader: ChunkLoader;
  quota: Quota;
  budget: Budget;
  downloader: Downloader;
  reporter: StateReporter;
  keyring: Keyring;
  account: Account;
  /** Seals what is not yet under the current key (migration, rotation). */
  reseal: () => Promise<void>;
}

export function createWorkerServices(deps: WorkerDeps): WorkerServices {
  const meta = createMetaStore(deps.caches);
  const index = createSongIndex(meta, deps.now);
  const budget = createBudget(meta, deps.estimate);
  const keyring = createKeyring(deps.keyStore);
  const quota: Quota = createQuota({ index, budget: budget.get, evict: (id) => evict(id) });
  const store = createChunkStore({
    caches: deps.caches,
    index,
    quota: () => quota,
    keyring,
    onNoKey: () => void account.wantKey(),
  });
  // Every network answer the stream route gets is inspected: a 401 there tells the session is gone.
  const fetch: FetchLike = async (url, init) => {
    const response = await deps.fetch(url, init);
    account.inspect(url, response).catch(() => {}); // clones a 401's body before returning
    return response;
  };
  const loader = createChunkLoader(fetch, store, index);
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
    canKeep: () => keyring.current() !== null && !keyring.locked(),
    ensureKey: () => account.wantKey(),
  });
  const reseal = createResealer({ caches: deps.caches, keyring, index, meta });
  const wipe = createWipe({
    keyring,
    caches: deps.caches,
    index,
    downloader,
    budget,
    reporter,
    broadcast: deps.broadcast,
    extra: deps.wipeExtra,
  });
  const account = createAccount({
    keyring,
    fetch: deps.fetch,
    baseUrl: deps.baseUrl,
    wipe,
    reseal,
  });
  const evict = async (id: string) => {
    downloader.cancel(id);
    await store.deleteSong(id);
    index.remove(id);
    reporter.changed(id, true);
  };
  index.onChange((id) => reporter.changed(id));

  const ready = (async () => {
    await keyring.load();
    await index.load();
    await store.reconcile();
    await budget.load();
  })().catch(() => {});
  // A worker holding no key asks once at start: a browser signed in before it arrived needs it.
  void ready.then(() => (keyring.current() || keyring.locked() ? undefined : account.wantKey()));
  // Listing every song's chunks is slower: it must not delay the first media answer.
  const verified = ready
    .then(() => store.verify())
    .then(() => ((deps.isActive?.() ?? true) ? reseal() : undefined))
    .catch(() => {});
  const stream = createStreamHandler({ loader, index });
  const autoFill = createAutoFill({ downloader, keyring, wantKey: account.wantKey });
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
    account,
  });

  const catalogVersions = createCatalogVersions({ index, loader, baseUrl: deps.baseUrl });

  return {
    ready,
    verified,
    handleStream(request, options = {}) {
      const answer = ready.then(() => stream(request));
      const response = answer.then((a) => a.response);
      if (options.media) void response.then((r) => (r.ok ? autoFill(request.url) : undefined));
      return { response, done: answer.then((a) => a.done) };
    },
    handleMessage: (data) => ready.then(() => messages(data)),
    inspect: (url, response) => ready.then(() => account.inspect(url, response)),
    adoptCatalog: (body) => ready.then(() => catalogVersions(body)),
    index,
    store,
    loader,
    quota,
    budget,
    downloader,
    reporter,
    keyring,
    account,
    reseal,
  };
}
