import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import type { Song } from '../api/catalog/song.ts';
import {
  OFFLINE_CHANNEL,
  type OfflineState,
  type PageToWorker,
  type SongRef,
  type StorageReport,
  type WorkerToPage,
} from '../sw/protocol.ts';
import { sameRecords } from './lib/equal.ts';
import { afterFirstScreen } from './lib/first-screen-shown.ts';
import { whenIdle } from './lib/idle.ts';
import { activeWorker, askWorker, wipeFromPage } from './sw-ask.ts';
import { watchWaiting } from './sw-waiting.ts';

/** `registerSW` from `virtual:pwa-register`, passed in by main.ts so this module stays testable. */
export type RegisterSW = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

/**
 * Events: `change` (states or storage), `cache-error` (CustomEvent<{id, error}>), `need-refresh`,
 * `offline-ready`, `controlled` (a worker took control of this page).
 */
export type SwBridgeEvent =
  | 'change'
  | 'cache-error'
  | 'need-refresh'
  | 'offline-ready'
  | 'controlled';

const UPDATE_CHECK_MS = 60 * 60 * 1000;
/** A controlling worker that has not said which songs it keeps by then is not waited for. */
const STATES_TIMEOUT_MS = 3_000;
/** Bounds for the worker to carry out a sign-in (it fetches the key) or a sign-out (it wipes). */
const SIGN_IN_TIMEOUT_MS = 10_000;
const SIGN_OUT_TIMEOUT_MS = 10_000;

/**
 * The only page module that talks to the service worker (sw/protocol.ts): commands go to the active
 * worker with postMessage, state comes back on the OFFLINE_CHANNEL BroadcastChannel.
 * A class because the platform wants one here: it is an EventTarget.
 */
export class SwBridge extends EventTarget {
  /** Offline state per song id. Replaced, never mutated, so Lit notices the change. */
  states: ReadonlyMap<string, OfflineState> = new Map();
  storage: StorageReport | null = null;
  /** A new version of the app is installed and waiting. */
  needRefresh = false;
  /**
   * `states` can be trusted: the worker answered, or none controlled the page at start (nothing is
   * kept offline yet). Until then a list would show every song as not saved.
   */
  statesKnown = true;
  private _working = new Map<string, OfflineState>();
  private _flush: ReturnType<typeof setTimeout> | undefined;
  private _persistAsked = false;
  private _updateSW: ((reload?: boolean) => Promise<void>) | undefined;
  private _registerSW: RegisterSW | undefined;
  private _listening = false;
  private _reloading = false;

  /**
   * A page the worker already controls listens and asks for the songs' states at once (rows show
   * what plays offline from the start). Registering the worker waits until the first screen is
   * shown and the page is idle: it costs start-up task time, its downloads would compete with the
   * first covers, and on a first visit there is nothing to ask yet.
   */
  constructor(registerSW?: RegisterSW) {
    super();
    this._registerSW = registerSW;
    const container = globalThis.navigator?.serviceWorker;
    if (!container) return;
    if (container.controller) {
      this.statesKnown = false;
      this._listen();
      setTimeout(() => {
        if (!this.statesKnown) this._publish(true);
      }, STATES_TIMEOUT_MS);
    }
    void afterFirstScreen().then(() => whenIdle(() => this._register(), 1000));
  }

  /**
   * The page is signed in as `user`: call it after a sign-in, when the app finds at start that it
   * is signed in, and after a password change (the offline key changes with it). The worker keeps
   * one user's offline library: another user signing in on this browser starts empty. Resolves once
   * the worker has taken note and fetched the user's offline key (at most 10 s; without a worker
   * at once).
   */
  async signedIn(user: { id: string; username: string }): Promise<void> {
    await askWorker({ type: 'SIGNED_IN', user: { id: user.id } }, SIGN_IN_TIMEOUT_MS);
  }

  /**
   * Signing out: resolves once the worker has destroyed the offline key and deleted everything it
   * keeps (catalog, covers, chunks, index). The sign-in page shows only after that. When no worker
   * answers, the page deletes them itself (same origin, same caches and database).
   */
  async signOut(): Promise<void> {
    const answered = await askWorker({ type: 'SIGN_OUT' }, SIGN_OUT_TIMEOUT_MS);
    if (!answered) await wipeFromPage();
    this._working = new Map();
    this._publish(true);
  }

  /** Keep `song` offline: `pin` for an explicit download (never evicted), false after a play. */
  cacheSong(song: Song, pin: boolean): void {
    this._askPersist();
    this._post({ type: 'CACHE_SONG', song: toSongRef(song), pin });
  }
  prefetchSong(song: Song): void {
    this._post({ type: 'PREFETCH_SONG', song: toSongRef(song) });
  }
  removeSong(id: string): void {
    this._post({ type: 'REMOVE_SONG', id });
  }
  nowPlaying(id: string | null): void {
    this._post({ type: 'NOW_PLAYING', id });
  }
  clearSongs(): void {
    this._post({ type: 'CLEAR_SONGS' });
  }
  setBudget(bytes: number): void {
    this._post({ type: 'SET_BUDGET', bytes });
  }
  /** Ask the worker for every song's state and the storage report. */
  refresh(): void {
    this._post({ type: 'GET_STATES' });
    this._post({ type: 'GET_STORAGE' });
  }
  /** Activate the waiting worker; the page reloads once it takes control. */
  async applyUpdate(): Promise<void> {
    // workbox-window reloads only pages that were controlled when they registered: the tab whose
    // first visit installed the worker (claimed later) would keep the old code. Reload ourselves.
    globalThis.navigator?.serviceWorker?.addEventListener(
      'controllerchange',
      () => this._reload(),
      {
        once: true,
      },
    );
    await this._updateSW?.(true);
    // The waiting worker is told directly too: workbox-window messages only a worker it tracked
    // (see sw-waiting.ts), and a second SKIP_WAITING is harmless.
    const registration = await globalThis.navigator?.serviceWorker?.getRegistration();
    registration?.waiting?.postMessage({ type: 'SKIP_WAITING' } satisfies PageToWorker);
  }

  /** One reload, whichever of workbox-window and our own listener asks first. */
  private _reload(): void {
    if (this._reloading) return;
    this._reloading = true;
    globalThis.location?.reload();
  }

  /** Follow the worker's messages and control changes, and ask for the current states (once). */
  private _listen(): void {
    if (this._listening) return;
    this._listening = true;
    const container = globalThis.navigator?.serviceWorker;
    if (!container) return;
    new BroadcastChannel(OFFLINE_CHANNEL).onmessage = (event: MessageEvent<WorkerToPage>) =>
      this._onMessage(event.data);
    container.addEventListener('controllerchange', () => {
      this.refresh();
      this.dispatchEvent(new Event('controlled'));
    });
    this.refresh();
  }

  private _register(): void {
    this._listen(); // before the worker can take control
    this._updateSW = this._registerSW?.({
      immediate: true,
      onNeedRefresh: () => this._onNeedRefresh(),
      onOfflineReady: () => this.dispatchEvent(new Event('offline-ready')),
      onNeedReload: () => this._reload(),
      onRegisteredSW: (_url, registration) => {
        if (!registration) return;
        setInterval(() => registration.update().catch(() => {}), UPDATE_CHECK_MS);
        watchWaiting(registration, () => this._onNeedRefresh());
      },
      onRegisterError: (error) =>
        console.warn('[tapedeck] service worker registration failed', error),
    });
  }

  private _onNeedRefresh(): void {
    if (this.needRefresh) return;
    this.needRefresh = true;
    this.dispatchEvent(new Event('need-refresh'));
  }

  private _onMessage(message: WorkerToPage): void {
    switch (message.type) {
      case 'SONG_STATE':
        this._working.set(message.state.id, message.state);
        break;
      case 'ALL_STATES':
        this._working = new Map(message.states.map((state) => [state.id, state]));
        if (!this.statesKnown) {
          this._publish(true); // the first answer at once: the library waits for it
          return;
        }
        break;
      case 'STORAGE':
        this.storage = message.report;
        break;
      case 'CACHE_ERROR': {
        const detail = { id: message.id, error: message.error };
        this.dispatchEvent(new CustomEvent('cache-error', { detail }));
        return;
      }
      default:
        return;
    }
    this._scheduleChange();
  }

  /**
   * Progress messages can arrive per chunk: publish at most one snapshot every 50 ms. States equal to
   * the last snapshot keep its identity, so an unchanged answer re-renders no row.
   */
  private _scheduleChange(): void {
    this._flush ??= setTimeout(() => this._publish(), 50);
  }

  /** Publish a snapshot; `complete` when it holds every song's state (not just some progress). */
  private _publish(complete = false): void {
    clearTimeout(this._flush);
    this._flush = undefined;
    if (complete) this.statesKnown = true;
    if (!sameRecords(this.states, this._working)) this.states = new Map(this._working);
    this.dispatchEvent(new Event('change'));
  }

  private async _post(message: PageToWorker): Promise<void> {
    this._listen(); // its replies come on the channel
    // Posted at once when a worker controls the page (the first GET_STATES goes out with no delay).
    const controller = globalThis.navigator?.serviceWorker?.controller;
    if (controller) controller.postMessage(message);
    else (await activeWorker())?.postMessage(message);
  }

  private _askPersist(): void {
    if (this._persistAsked) return;
    this._persistAsked = true;
    // Asked on the first play or download (a user gesture), so Firefox's prompt has a reason.
    navigator.storage
      ?.persist?.()
      .then(() => this._post({ type: 'GET_STORAGE' }))
      .catch(() => {});
  }
}

/** Start the bridge: registers the worker, listens to it, and asks for the current states. */
export function startSwBridge(registerSW?: RegisterSW): SwBridge {
  return new SwBridge(registerSW);
}

export function toSongRef(song: Song): SongRef {
  const { id, etag, size, mimeType, streamUrl } = song;
  return { id, etag, size, mimeType, streamUrl };
}
