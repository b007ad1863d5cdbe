/**
 * Messages between the page and the service worker. `client/sw-bridge.ts` is the only page module
 * that sends or receives them; `sw/sw.ts` wires the worker side.
 *
 * Page → worker: `postMessage` on the active worker (`navigator.serviceWorker.controller`).
 * Worker → page: a BroadcastChannel named `OFFLINE_CHANNEL`, so every open tab hears it.
 * A page that needs to know when a message was carried out (`SIGNED_IN`, `SIGN_OUT`) sends a
 * MessagePort with it; the worker posts `{ type: 'DONE' }` on that port once it is finished.
 */
export const OFFLINE_CHANNEL = 'tapedeck-offline';

/** What the worker needs to cache a song without asking the catalog. */
export interface SongRef {
  id: string;
  etag: string;
  size: number;
  mimeType: string;
  streamUrl: string;
}

export type OfflineStatus = 'none' | 'partial' | 'complete';

export interface OfflineState {
  id: string;
  status: OfflineStatus;
  cachedBytes: number;
  size: number;
  /** A download (explicit or after a play) is under way. */
  downloading: boolean;
  /** Kept on purpose by the user: never evicted. */
  pinned: boolean;
}

export interface StorageReport {
  /** Bytes of song chunks this app keeps. */
  songBytes: number;
  /** Byte budget for song chunks; least recently played songs are evicted past it. */
  budget: number;
  /** From navigator.storage.estimate(). */
  usage: number;
  quota: number;
  persisted: boolean;
}

export type PageToWorker =
  | { type: 'SKIP_WAITING' }
  /** Fetch every missing chunk. `pin` is true for an explicit "Download". */
  | { type: 'CACHE_SONG'; song: SongRef; pin: boolean }
  /** Fetch the first chunks only (the next song in the queue). */
  | { type: 'PREFETCH_SONG'; song: SongRef }
  | { type: 'REMOVE_SONG'; id: string }
  /** The song now playing: marked recently played and protected from eviction. */
  | { type: 'NOW_PLAYING'; id: string | null }
  | { type: 'GET_STATES' }
  | { type: 'GET_STORAGE' }
  | { type: 'SET_BUDGET'; bytes: number }
  | { type: 'CLEAR_SONGS' }
  /**
   * The page is signed in as `user`: another user than the owner of the kept copies makes the
   * worker wipe them first; then it fetches the user's current offline key.
   */
  | { type: 'SIGNED_IN'; user: { id: string } }
  /** Destroy the offline key, then delete every cache the worker keeps. */
  | { type: 'SIGN_OUT' };

/** Posted on the MessagePort a page sent with its message, once that message is carried out. */
export const DONE = { type: 'DONE' } as const;

export type WorkerToPage =
  | { type: 'SONG_STATE'; state: OfflineState }
  | { type: 'ALL_STATES'; states: OfflineState[] }
  | { type: 'STORAGE'; report: StorageReport }
  | { type: 'CACHE_ERROR'; id: string; error: string };
