/**
 * The worker's side of protocol.ts: one function per page message. Malformed messages are ignored.
 */
import type { Account } from './account.ts';
import type { Budget } from './budget.ts';
import type { ChunkStore } from './chunk-store.ts';
import type { Downloader } from './downloader.ts';
import type { PageToWorker, SongRef, WorkerToPage } from './protocol.ts';
import type { Quota } from './quota.ts';
import type { SongIndex } from './song-index.ts';
import type { StateReporter } from './state-reporter.ts';

export interface MessageDeps {
  index: SongIndex;
  store: ChunkStore;
  quota: Quota;
  budget: Budget;
  downloader: Downloader;
  reporter: StateReporter;
  broadcast: (message: WorkerToPage) => void;
  skipWaiting: () => unknown;
  persisted: () => Promise<boolean>;
  account: Account;
}

export function createMessageHandler(deps: MessageDeps): (data: unknown) => Promise<void> {
  const { index, store, quota, budget, downloader, reporter, broadcast } = deps;

  const reportStorage = async () => {
    const { usage, quota: total } = await budget.estimate();
    const persisted = await deps.persisted().catch(() => false);
    const report = {
      songBytes: index.totalBytes(),
      budget: budget.get(),
      usage,
      quota: total,
      persisted,
    };
    broadcast({ type: 'STORAGE', report });
  };

  return async (data) => {
    const message = parseMessage(data);
    switch (message?.type) {
      case 'SKIP_WAITING':
        await deps.skipWaiting();
        return;
      case 'CACHE_SONG':
        await downloader.cacheSong(message.song, message.pin);
        return;
      case 'PREFETCH_SONG':
        await downloader.prefetch(message.song);
        return;
      case 'REMOVE_SONG':
        downloader.cancel(message.id);
        await store.deleteSong(message.id);
        index.remove(message.id);
        reporter.changed(message.id, true);
        await reportStorage();
        return;
      case 'NOW_PLAYING':
        quota.setPlaying(message.id);
        if (message.id === null) return;
        index.touch(message.id);
        // "Offline after the first play": the rest of a known song is fetched in the background.
        await downloader.fill(message.id);
        return;
      case 'GET_STATES': {
        const states = index.all().map((r) => index.stateOf(r.id, downloader.isDownloading(r.id)));
        broadcast({ type: 'ALL_STATES', states });
        return;
      }
      case 'GET_STORAGE':
        await reportStorage();
        return;
      case 'SET_BUDGET':
        await budget.set(message.bytes > 0 ? message.bytes : null);
        await quota.enforce();
        await reportStorage();
        return;
      case 'SIGNED_IN':
        await deps.account.signedIn(message.user);
        return;
      case 'SIGN_OUT':
        await deps.account.signOut();
        await reportStorage();
        return;
      case 'CLEAR_SONGS': {
        downloader.cancelAll();
        const ids = index.all().map((r) => r.id);
        await store.deleteAll();
        index.clear();
        for (const id of ids) reporter.changed(id, true);
        broadcast({ type: 'ALL_STATES', states: [] });
        await reportStorage();
        return;
      }
    }
  };
}

/** Checks the shape of a page message; null when it is not one of protocol.ts. */
export function parseMessage(data: unknown): PageToWorker | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  switch (m['type']) {
    case 'SKIP_WAITING':
    case 'GET_STATES':
    case 'GET_STORAGE':
    case 'CLEAR_SONGS':
      return { type: m['type'] };
    case 'CACHE_SONG':
      return isSongRef(m['song'])
        ? { type: 'CACHE_SONG', song: m['song'], pin: m['pin'] === true }
        : null;
    case 'PREFETCH_SONG':
      return isSongRef(m['song']) ? { type: 'PREFETCH_SONG', song: m['song'] } : null;
    case 'REMOVE_SONG':
      return typeof m['id'] === 'string' ? { type: 'REMOVE_SONG', id: m['id'] } : null;
    case 'NOW_PLAYING':
      return typeof m['id'] === 'string' || m['id'] === null
        ? { type: 'NOW_PLAYING', id: m['id'] }
        : null;
    case 'SIGN_OUT':
      return { type: 'SIGN_OUT' };
    case 'SIGNED_IN': {
      const id = (m['user'] as { id?: unknown } | null)?.id;
      return typeof id === 'string' && id !== '' ? { type: 'SIGNED_IN', user: { id } } : null;
    }
    case 'SET_BUDGET':
      return Number.isFinite(m['bytes'])
        ? { type: 'SET_BUDGET', bytes: m['bytes'] as number }
        : null;
    default:
      return null;
  }
}

export function isSongRef(value: unknown): value is SongRef {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['id'] === 'string' &&
    typeof v['etag'] === 'string' &&
    typeof v['mimeType'] === 'string' &&
    typeof v['streamUrl'] === 'string' &&
    Number.isSafeInteger(v['size']) &&
    (v['size'] as number) >= 0
  );
}
