import { html, LitElement, type PropertyValues, render } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ConnectivityController } from '../controllers/connectivity.ts';
import { FavouriteChanges } from '../controllers/favourite-changes.ts';
import { KeyboardShortcuts } from '../controllers/keyboard-shortcuts.ts';
import { MediaSessionController } from '../controllers/media-session.ts';
import { OfflineLibrary } from '../controllers/offline-library.ts';
import { OfflineReadyNotice } from '../controllers/offline-ready-notice.ts';
import { PlaybackController } from '../controllers/playback-controller.ts';
import { WorkerState } from '../controllers/worker-state.ts';
import { isKeptOffline } from '../lib/availability.ts';
import type { TdEvent } from '../lib/events.ts';
import { iconOffline, iconStorage, logoCassette } from '../lib/icons.ts';
import { libraryStore } from '../lib/kv-store.ts';
import type { Song } from '../lib/library-types.ts';
import { Router } from '../router/router.ts';
import { sectionOf } from '../router/routes.ts';
import { baseStyles, buttonStyles } from '../styles/shared.ts';
import type { SwBridge } from '../sw-bridge.ts';
import { loadView, renderView } from '../views/render-view.ts';
import { createContextMemo } from '../views/view-context-memo.ts';
import { LazyParts, loadPlayerBarWhenIdle } from './lazy-parts.ts';
import { appStyles } from './td-app.styles.ts';
import { renderParts } from './td-app-parts.ts';
import type { TdSearch } from './td-search.ts';
import './td-install-prompt.ts';
import './td-nav.ts';
import './td-search.ts';

/**
 * The shell: header (logo, search, install, storage), navigation, the current view, player bar,
 * and the parts loaded when needed (queue, dialogs, menus, toasts). It owns the controllers and
 * turns the children's `…-request` events into calls. Views get one `ViewContext` with what they
 * need to know; each view's code loads the first time it is visited (views/render-view.ts).
 */
@customElement('td-app')
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
  private _shownHref = '';
  private readonly _context = createContextMemo();

  readonly router = new Router(this);
  readonly parts = new LazyParts(this);
  readonly net = new ConnectivityController(this);
  readonly offline = new OfflineLibrary(this, libraryStore());
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

  constructor() {
    super();
    new MediaSessionController(this, this.playback);
    new KeyboardShortcuts(this, {
      togglePlay: () => this.playback.toggle(),
      seekBy: (s) => this.playback.seekBy(s),
      volumeBy: (d) => this.playback.setVolume(this.playback.volume + d),
      next: () => this.playback.next(),
      previous: () => this.playback.previous(),
      focusSearch: () => this._search.focusInput(),
    });
    void loadView(this.router.location.route);
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
      const message = online ? 'Back online' : 'You’re offline. Saved songs still play.';
      void this.parts.toast(message, online ? 'info' : 'offline', { key: 'network' });
    }
    this._wasOnline = online;
    if (this.worker.statesKnown) void this.offline.follow(this.worker.states, online);
    if (this.queueOpen) void this.parts.need('td-queue');
    if (this.storageOpen) void this.parts.need('td-storage-panel');
    if (this.worker.needRefresh) void this.parts.need('td-update-prompt');
    if (this.menu) void this.parts.need('td-song-menu');
    if (this.picking) void this.parts.need('td-playlist-picker');
  }

  protected update(changed: PropertyValues<this>): void {
    super.update(changed);
    render(this._renderMain(), this._main, { host: this });
  }

  protected updated(): void {
    const song = this.playback.current;
    const title = song ? `${song.title} · ${song.artist} — Tapedeck` : 'Tapedeck';
    if (document.title !== title) document.title = title;
    // A playback failure may mean the server went away: check, so rows show what still plays.
    const error = this.playback.error;
    if (error && error !== this._lastError) void this.net.probe();
    this._lastError = error;
    this._afterNavigation();
  }

  render() {
    const p = this.playback;
    const song = p.current;
    const { route, query } = this.router.location;
    return html`
      <a class="skip" href="#main" @click=${this._onSkip}>Skip to content</a>
      <header class="top">
        <div class="inner">
          <a class="brand" href="/" aria-label="Tapedeck, home">${logoCassette()}<span>Tapedeck</span></a>
          <td-search class="search" .value=${route.name === 'search' ? (query.get('q') ?? '') : ''}
            @search-request=${this._onSearch}></td-search>
          <div class="actions">
            ${this.net.online ? null : html`<span class="offline-pill" title="No connection">${iconOffline()}<span>Offline</span></span>`}
            <td-install-prompt></td-install-prompt>
            <button class="icon-button" data-testid="storage-button" aria-label="Offline storage"
              title="Offline storage" @click=${this._onStorageOpen}>${iconStorage()}</button>
          </div>
        </div>
      </header>
      <td-nav .section=${sectionOf(route)}></td-nav>
      <slot name="main"></slot>
      <td-player-bar .song=${song} .playing=${p.playing} .buffering=${p.buffering}
        .currentTime=${p.currentTime} .duration=${p.duration} .volume=${p.volume} .muted=${p.muted}
        .hasNext=${p.hasNext} .error=${p.error} .queueOpen=${this.queueOpen}
        @play-request=${() => p.play()} @pause-request=${() => p.pause()}
        @seek-request=${(e: TdEvent<'seek-request'>) => p.seek(e.detail.time)}
        @next-request=${() => p.next()} @previous-request=${() => p.previous()}
        @volume-request=${(e: TdEvent<'volume-request'>) => p.setVolume(e.detail.volume)}
        @mute-request=${(e: TdEvent<'mute-request'>) => p.setMuted(e.detail.muted)}
        @queue-toggle-request=${() => {
          this.queueOpen = !this.queueOpen;
        }}></td-player-bar>
      ${renderParts(this)}
      <div class="sr-only" aria-live="polite">${song ? `Now playing: ${song.title} by ${song.artist}` : ''}</div>
    `;
  }

  /** The current view, rendered into the light-DOM `<main>` (see `_main`). */
  private _renderMain() {
    const p = this.playback;
    const { route, query } = this.router.location;
    const ctx = this._context({
      online: this.net.online,
      ready: this.net.checked && this.worker.statesKnown,
      states: this.worker.states,
      offlineSongs: this.offline.songs,
      offlineOnly: this.offlineOnly,
      currentId: p.current?.id ?? null,
      playing: p.playing,
      epoch: this.worker.epoch,
      favourites: this.favourites.changes,
      query,
    });
    return html`<div class="view" @play-list-request=${this._onPlayList}
      @play-request=${() => p.play()} @pause-request=${() => p.pause()}
      @download-request=${(e: TdEvent<'download-request'>) => this.keep(e.detail.song)}
      @remove-request=${(e: TdEvent<'remove-request'>) => this.bridge?.removeSong(e.detail.id)}
      @favourite-request=${(e: TdEvent<'favourite-request'>) => void this.favourites.set(e.detail.kind, e.detail.id, e.detail.on)}
      @offline-filter-request=${(e: TdEvent<'offline-filter-request'>) => {
        this.offlineOnly = e.detail.on;
      }}
      @song-menu-request=${(e: TdEvent<'song-menu-request'>) => {
        this.menu = e.detail;
      }}
      @add-to-playlist-request=${(e: TdEvent<'add-to-playlist-request'>) => {
        this.picking = e.detail.songs;
      }}
      @navigate-request=${(e: TdEvent<'navigate-request'>) => this.router.navigate(e.detail.href, { replace: e.detail.replace })}
      @query-request=${(e: TdEvent<'query-request'>) => this.router.setQuery(e.detail.changes)}
      @reachability-change=${(e: TdEvent<'reachability-change'>) => this.net.report(e.detail.reachable)}
      >${renderView(route, ctx)}</div>`;
  }

  /** After a navigation: load the view's code, focus its heading, put the scroll back on "back". */
  private _afterNavigation(): void {
    const { href, route } = this.router.location;
    if (href === this._shownHref) return;
    const first = this._shownHref === '';
    this._shownHref = href;
    void loadView(route).then(() => {
      if (this.router.kind === 'push')
        this._main
          .querySelector<HTMLElement & { focusHeading?(): void }>('.view > *')
          ?.focusHeading?.();
      const y = this.router.restoreScrollY;
      if (!first && y !== null) restoreScroll(y);
    });
  }

  /** Keep `song` offline on purpose (a download): never evicted. */
  keep(song: Song): void {
    this.offline.remember(song);
    this.bridge?.cacheSong(song, true);
  }

  private _onPlayList(event: TdEvent<'play-list-request'>): void {
    const { songs, index = 0 } = event.detail;
    if (songs.length > 0) this.playback.playQueue(songs, index);
  }

  private _onSearch(event: TdEvent<'search-request'>): void {
    const q = event.detail.query;
    if (this.router.location.route.name === 'search') this.router.setQuery({ q });
    else if (q.trim()) this.router.navigate(`/search?q=${encodeURIComponent(q)}`);
  }
  private _onStorageOpen(): void {
    this.storageOpen = true;
    this.bridge?.refresh();
  }
  private _onSkip(event: Event): void {
    event.preventDefault();
    this._main.focus();
  }
}

/** Scroll back to `y` once the view is tall enough (its data may still be arriving), bounded. */
function restoreScroll(y: number, frames = 60): void {
  const fits = document.documentElement.scrollHeight - innerHeight >= y;
  if (fits || frames === 0) window.scrollTo(0, y);
  else requestAnimationFrame(() => restoreScroll(y, frames - 1));
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
