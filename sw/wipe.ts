/**
 * Sign-out (or a removed account, or another user): the offline key is destroyed first, so every
 * kept copy is unreadable at once, then every cache the worker keeps is deleted: chunks, the song
 * index and settings, the catalog and covers. The app shell (public files) stays, so the sign-in
 * page still loads offline.
 */
import type { Budget } from './budget.ts';
import { isOwnCacheName } from './cache-names.ts';
import type { Downloader } from './downloader.ts';
import type { Keyring } from './keyring.ts';
import type { CacheStorageLike } from './meta-store.ts';
import type { WorkerToPage } from './protocol.ts';
import type { SongIndex } from './song-index.ts';
import type { StateReporter } from './state-reporter.ts';

export interface WipeDeps {
  keyring: Keyring;
  caches: CacheStorageLike;
  index: SongIndex;
  downloader: Downloader;
  budget: Budget;
  reporter: StateReporter;
  broadcast: (message: WorkerToPage) => void;
  /** What else the wiring keeps about those caches (Workbox's expiration records). */
  extra?: () => Promise<void>;
}

export function createWipe(deps: WipeDeps): () => Promise<void> {
  const { keyring, caches, index } = deps;
  return async () => {
    await keyring.destroy();
    deps.downloader.cancelAll();
    const ids = index.all().map((r) => r.id);
    index.clear();
    await index.flush(); // before the caches go, so no record write re-creates the index cache
    await deps.extra?.().catch(() => {});
    for (const name of await caches.keys()) {
      if (isOwnCacheName(name)) await caches.delete(name).catch(() => false);
    }
    await deps.budget.load();
    for (const id of ids) deps.reporter.changed(id, true);
    deps.broadcast({ type: 'ALL_STATES', states: [] });
  };
}
