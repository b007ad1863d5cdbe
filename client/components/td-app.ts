import { html, LitElement, nothing, type PropertyValues, render } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ConnectivityController } from '../controllers/connectivity.ts';
import { FavouriteChanges } from '../controllers/favourite-changes.ts';
import { KeyboardShortcuts } from '../controllers/keyboard-shortcuts.ts';
import { MediaSessionController } from '../controllers/media-session.ts';
import { OfflineLibrary } from '../controllers/offline-library.ts';
import { OfflineReadyNotice } from '../controllers/offline-ready-notice.ts';
import { PlayRecorder } from '../controllers/play-recorder.ts';
import { PlaybackController } from '../controllers/playback-controller.ts';
import { QueueSync } from '../controllers/queue-sync.ts';
import { SessionController } from '../controllers/session.ts';
import { WorkerState } from '../controllers/worker-state.ts';
import { isKeptOffline } from '../lib/availability.ts';
import { firstScreenShown } from '../lib/first-screen-shown.ts';
import { forgetLocalLibrary } from '../lib/forget-local.ts';
import { nextTask } from '../lib/idle.ts';
import { libraryStore } from '../lib/kv-store.ts';
import type { Song } from '../lib/library-types.ts';
import { localStore } from '../lib/local-store.ts';
import { createAfterNavigation } from '../router/after-navigation.ts';
import { Router } from '../router/router.ts';
import { sectionOf } from '../router/routes.ts';
import { baseStyles, buttonStyles } from '../styles/shared.ts';
import type { SwBridge } from '../sw-bridge.ts';
import { loadView } from '../views/render-view.ts';
import { createContextMemo } from '../views/view-context-memo.ts';
import { renderSessionGate } from './auth-parts.ts';
import { LazyParts, loadPlayerBarWhenIdle } from './lazy-parts.ts';
import { appStyles } from './td-app.styles.ts';
import { renderHeader, renderPlayerBar } from './td-app-chrome.ts';
import { renderMain } from './td-app-main.ts';
import { needParts, renderParts } from './td-app-parts.ts';
import type { TdSearch } from './td-search.ts';
import './td-install-prompt.ts';
import './td-nav.ts';
import './td-search.ts';

/**
 * The shell: header (logo, search, install, storage, account), navigation, the current view,
 * player bar, and the parts loaded when needed (queue, dialogs, menus, toasts). Signed out, the
 * main area shows the sign-in (or first-account) page instead, and nothing of the library. It owns the controllers and
 * turns the children's `…-request` events into calls. Views get one `ViewContext` with what they
 * need to know; each view's code loads the first time it is visited (views/render-view.ts).
 */
/** Defined by main.ts (`td-app`), a task after the modules are evaluated. */
export class TdApp extends LitElement {
  static styles = [baseStyles, buttonStyles, appStyles];

  /** The service-worker bridge, set by main.ts before the first render. */
  @property({ attribute: false }) bridge: SwBridge | null = null;

  @state() offlineOnly = false;
  @state() updating = false;
  @state() queueOpen = false;
  @state() storageOpen = false;
  @state() menu: { song: Song; x: number; y: number } | null = null;
  @state() picking: Song[] | null = null;
  @query('td-search') private _search!: TdSearch;
  /**
   * The skip link's target lives in the light DOM, slotted into the shell: a fragment link and
   * tools that check one (`document.getElementById`) cannot see into a shadow root.
   */
  private readonly _main = createMain();
  private _wasOnline = true;
  private _lastError: string | null = null;
  private readonly _context = createContextMemo();

  readonly router = new Router(this);
  private readonly _afterNavigation = createAfterNavigation(this.router, this._main);
  readonly parts = new LazyParts(this);
  /** Who is signed in: the library shows only then; else sign-in (auth-parts.ts). */
  readonly session = new SessionController(this, {
    bridge: () => this.bridge,
    onSignedOut: () => this.playback.pause(),
    forget: () => forgetLocalLibrary(),
  });
  readonly net = new ConnectivityController(this);
  readonly offline = new OfflineLibrary(this);
  readonly favourites = new FavouriteChanges(
    this,
    (message) => void this.parts.toast(message, 'error'),
  );
  private readonly _readyNotice = new OfflineReadyNotice(this, () =>
    this.parts.toast('Tapedeck is ready to work offline', 'success'),
  );
  readonly worker = new WorkerState(this, {
    onOfflineReady: () => this._readyNotice.ready(),
    onCacheError: (id, error) => {
      const title = this.offline.songs.get(id)?.title ?? 'a song';
      void this.parts.toast(`Couldn’t save ${title} offline: ${error}`, 'error');
    },
  });
  readonly playback = new PlaybackController(
    this,
    {
      cacheSong: (song, pin) => {
        this.offline.remember(song);
        this.bridge?.cacheSong(song, pin);
      },
      prefetchSong: (song) => this.bridge?.prefetchSong(song),
      nowPlaying: (id) => this.bridge?.nowPlaying(id),
    },
    { canPlay: (song) => this.net.online || isKeptOffline(song.id, this.worker.states) },
  );

  readonly recorder = new PlayRecorder(this, this.playback, libraryStore());
  readonly queueSync = new QueueSync(this, localStore);

  constructor() {
    super();
    new MediaSessionController(this, this.playback);
    new KeyboardShortcuts(this, {
      togglePlay: () => this.playback.toggle(),
      seekBy: (s) => this.playback.seekBy(s),
      volumeBy: (d) => this.playback.setVolume(this.playback.volume + d),
      next: () => this.playback.next(),
      previous: () => this.playback.previous(),
      focusSearch: () => this._search?.focusInput(),
    });
    void loadView(this.router.location.route);
  }

  /** The first render in a task of its own, after the constructor's: shorter start-up tasks. */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await nextTask();
    super.scheduleUpdate();
  }

  connectedCallback(): void {
    super.connectedCallback();
    if (!this._main.isConnected) this.append(this._main);
  }

  protected firstUpdated(): void {
    loadPlayerBarWhenIdle();
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('bridge') && this.bridge) this.worker.attach(this.bridge);
    const online = this.net.online;
    if (online !== this._wasOnline && this.hasUpdated) {
      if (online) {
        void this.session.recheck(); // an expired session shows now, not at the next call
        this.offline.retry();
      }
      const message = online ? 'Back online' : 'You’re offline. Saved songs still play.';
      void this.parts.toast(message, online ? 'info' : 'offline', { key: 'network' });
      if (online && this.session.signedIn) this.recorder.flush(); // plays made offline, at their time
    }
    this._wasOnline = online;
    if (online && this.net.checked && this.session.signedIn && !this.session.offline) {
      this.recorder.start();
      void this.queueSync.check(this.playback.current !== null);
    }
    if (this.worker.statesKnown) void this.offline.follow(this.worker.states);
    needParts(this);
  }

  protected update(changed: PropertyValues<this>): void {
    super.update(changed);
    const main = this.session.signedIn
      ? renderMain(this, this._context)
      : renderSessionGate(this.session);
    // The sign-in page is all a signed-out first screen shows.
    if (this.session.status === 'signed-out' || this.session.status === 'setup') firstScreenShown();
    render(main, this._main, { host: this });
  }

  protected updated(): void {
    const song = this.session.signedIn ? this.playback.current : null;
    const title = song ? `${song.title} · ${song.artist} — Tapedeck` : 'Tapedeck';
    if (document.title !== title) document.title = title;
    // A playback failure may mean the server went away: check, so rows show what still plays.
    const error = this.playback.error;
    if (error && error !== this._lastError) {
      void this.net.probe();
      void this.session.recheck();
    }
    this._lastError = error;
    if (!this.session.signedIn) return;
    const p = this.playback;
    this.queueSync.follow({
      songIds: p.queue.map((s) => s.id),
      index: p.index,
      position: p.currentTime,
      playing: p.playing,
    });
    this._afterNavigation();
  }

  render() {
    const signedIn = this.session.signedIn;
    const song = signedIn ? this.playback.current : null;
    return html`
      <a class="skip" href="#main" @click=${this._onSkip}>Skip to content</a>
      ${renderHeader(this)}
      ${signedIn ? html`<td-nav .section=${sectionOf(this.router.location.route)}></td-nav>` : nothing}
      <slot name="main"></slot>
      ${renderPlayerBar(this)}
      ${signedIn ? renderParts(this) : nothing}
      <div class="sr-only" aria-live="polite">${song ? `Now playing: ${song.title} by ${song.artist}` : ''}</div>
    `;
  }

  /** Keep `song` offline on purpose (a download): never evicted. */
  keep(song: Song): void {
    this.offline.remember(song);
    this.bridge?.cacheSong(song, true);
  }

  private _onSkip(event: Event): void {
    event.preventDefault();
    this._main.focus();
  }
}

function createMain(): HTMLElement {
  const main = document.createElement('main');
  main.id = 'main';
  main.slot = 'main';
  main.tabIndex = -1;
  return main;
}

declare global {
  interface HTMLElementTagNameMap {
    'td-app': TdApp;
  }
}
