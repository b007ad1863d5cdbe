import { html, LitElement, nothing, type PropertyValues, render } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Song } from '../../api/catalog/song.ts';
import { ConnectivityController } from '../controllers/connectivity.ts';
import { KeyboardShortcuts } from '../controllers/keyboard-shortcuts.ts';
import { MediaSessionController } from '../controllers/media-session.ts';
import { OfflineReadyNotice } from '../controllers/offline-ready-notice.ts';
import { PlaybackController } from '../controllers/playback-controller.ts';
import { SessionController } from '../controllers/session.ts';
import { WorkerState } from '../controllers/worker-state.ts';
import type { TdEvent } from '../lib/events.ts';
import { iconOffline, iconStorage, logoCassette } from '../lib/icons.ts';
import { baseStyles, buttonStyles } from '../styles/shared.ts';
import type { SwBridge } from '../sw-bridge.ts';
import { renderAccountMenu, renderSessionGate } from './auth-parts.ts';
import { type LazyPart, LazyParts, loadPlayerBarWhenIdle } from './lazy-parts.ts';
import { appStyles } from './td-app.styles.ts';
import type { TdSearch } from './td-search.ts';
import './td-install-prompt.ts';
import './td-library.ts';
import './td-search.ts';

/**
 * The shell: header (logo, search, install, storage), library, player bar, queue, dialogs and
 * toasts. It owns the controllers and turns the children's `…-request` events into calls. Only the
 * header and library are in the first chunk: the player bar's code follows when the page is idle,
 * and the queue, dialogs and toasts are loaded and rendered once needed (lazy-parts.ts).
 */
@customElement('td-app')
export class TdApp extends LitElement {
  static styles = [baseStyles, buttonStyles, appStyles];

  /** The service-worker bridge, set by main.ts before the first render. */
  @property({ attribute: false }) bridge: SwBridge | null = null;

  @state() private _query = '';
  @state() private _songs: ReadonlyMap<string, Song> = new Map();
  @state() private _updating = false;
  @state() private _queueOpen = false;
  @state() private _storageOpen = false;
  @query('td-search') private _search!: TdSearch;
  /**
   * The skip link's target lives in the light DOM, slotted into the shell: a fragment link and
   * tools that check one (`document.getElementById`) cannot see into a shadow root.
   */
  private readonly _main = createMain();
  private _wasOnline = true;
  private _lastError: string | null = null;

  private readonly _parts = new LazyParts(this);
  /** Who is signed in: the library shows only then; else sign-in (auth-parts.ts). */
  private readonly _session = new SessionController(this, {
    bridge: () => this.bridge,
    onSignedOut: () => this._playback.pause(),
  });
  private readonly _net = new ConnectivityController(this);
  private readonly _readyNotice = new OfflineReadyNotice(this, () =>
    this._parts.toast('Tapedeck is ready to work offline', 'success'),
  );
  private readonly _worker = new WorkerState(this, {
    onOfflineReady: () => this._readyNotice.ready(),
    onCacheError: (id, error) => {
      const title = this._songs.get(id)?.title ?? 'a song';
      void this._parts.toast(`Couldn’t save ${title} offline: ${error}`, 'error');
    },
  });
  private readonly _playback = new PlaybackController(
    this,
    {
      cacheSong: (song, pin) => this.bridge?.cacheSong(song, pin),
      prefetchSong: (song) => this.bridge?.prefetchSong(song),
      nowPlaying: (id) => this.bridge?.nowPlaying(id),
    },
    {
      canPlay: (song) =>
        this._net.online || this._worker.states.get(song.id)?.status === 'complete',
    },
  );

  constructor() {
    super();
    new MediaSessionController(this, this._playback);
    new KeyboardShortcuts(this, {
      togglePlay: () => this._playback.toggle(),
      seekBy: (s) => this._playback.seekBy(s),
      volumeBy: (d) => this._playback.setVolume(this._playback.volume + d),
      next: () => this._playback.next(),
      previous: () => this._playback.previous(),
      focusSearch: () => this._search?.focusInput(),
    });
  }

  connectedCallback(): void {
    super.connectedCallback();
    if (!this._main.isConnected) this.append(this._main);
  }

  protected firstUpdated(): void {
    loadPlayerBarWhenIdle();
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('bridge') && this.bridge) this._worker.attach(this.bridge);
    const online = this._net.online;
    if (online !== this._wasOnline && this.hasUpdated) {
      if (online) void this._session.recheck(); // an expired session shows now, not at the next call
      const message = online ? 'Back online' : 'You’re offline. Saved songs still play.';
      void this._parts.toast(message, online ? 'info' : 'offline', { key: 'network' });
    }
    this._wasOnline = online;
    if (this._queueOpen) void this._parts.need('td-queue');
    if (this._storageOpen) void this._parts.need('td-storage-panel');
    if (this._worker.needRefresh) void this._parts.need('td-update-prompt');
  }

  protected update(changed: PropertyValues<this>): void {
    super.update(changed);
    const main = this._session.signedIn ? this._renderLibrary() : renderSessionGate(this._session);
    render(main, this._main, { host: this });
  }

  protected updated(): void {
    const song = this._session.signedIn ? this._playback.current : null;
    const title = song ? `${song.title} · ${song.artist} — Tapedeck` : 'Tapedeck';
    if (document.title !== title) document.title = title;
    // A playback failure may mean the server went away: check, so rows show what still plays.
    const error = this._playback.error;
    if (error && error !== this._lastError) {
      void this._net.probe();
      void this._session.recheck();
    }
    this._lastError = error;
  }

  render() {
    const p = this._playback;
    const signedIn = this._session.signedIn;
    const song = signedIn ? p.current : null;
    return html`
      <a class="skip" href="#main" @click=${this._onSkip}>Skip to library</a>
      <header class="top">
        <div class="inner">
          <div class="brand">${logoCassette()}<span>Tapedeck</span></div>
          ${signedIn ? html`<td-search class="search" .value=${this._query} @search-request=${this._onSearch}></td-search>` : html`<span></span>`}
          <div class="actions">
            ${this._net.online ? null : html`<span class="offline-pill" title="No connection">${iconOffline()}<span>Offline</span></span>`}
            <td-install-prompt></td-install-prompt>
            ${
              signedIn
                ? html`<button class="icon-button" data-testid="storage-button" aria-label="Offline storage"
              title="Offline storage" @click=${this._onStorageOpen}>${iconStorage()}</button>`
                : nothing
            }
            ${renderAccountMenu(this._session)}
          </div>
        </div>
      </header>
      <slot name="main"></slot>
      <td-player-bar ?hidden=${!signedIn} .song=${song} .playing=${p.playing} .buffering=${p.buffering}
        .currentTime=${p.currentTime} .duration=${p.duration} .volume=${p.volume} .muted=${p.muted}
        .hasNext=${p.hasNext} .error=${p.error} .queueOpen=${this._queueOpen}
        @play-request=${() => p.play()} @pause-request=${() => p.pause()}
        @seek-request=${(e: TdEvent<'seek-request'>) => p.seek(e.detail.time)}
        @next-request=${() => p.next()} @previous-request=${() => p.previous()}
        @volume-request=${(e: TdEvent<'volume-request'>) => p.setVolume(e.detail.volume)}
        @mute-request=${(e: TdEvent<'mute-request'>) => p.setMuted(e.detail.muted)}
        @queue-toggle-request=${() => {
          this._queueOpen = !this._queueOpen;
        }}></td-player-bar>
      ${this._renderParts()}
      <div class="sr-only" aria-live="polite">${song ? `Now playing: ${song.title} by ${song.artist}` : ''}</div>
    `;
  }

  /** The library, rendered into the light-DOM `<main>` (see `_main`). */
  private _renderLibrary() {
    const p = this._playback;
    return html`<td-library .query=${this._query} .online=${this._net.online}
      .offlineStates=${this._worker.states} .currentId=${p.current?.id ?? null} .playing=${p.playing}
      .refreshKey=${this._worker.epoch} .ready=${this._net.checked && this._worker.statesKnown}
      @play-song-request=${this._onPlaySong} @download-request=${this._onDownload}
      @remove-request=${this._onRemove} @songs-loaded=${this._onSongsLoaded}
      @copy-link-request=${this._onCopyLink}
      @reachability-change=${(e: TdEvent<'reachability-change'>) => this._net.report(e.detail.reachable)}></td-library>`;
  }

  /** The queue, dialogs and toasts needed so far (see lazy-parts.ts). */
  private _renderParts() {
    const { _playback: p, _worker: w, _onPartClose: close } = this;
    const has = (tag: LazyPart) => this._parts.has(tag);
    const queue = () => html`<td-queue ?open=${this._queueOpen} .queue=${p.queue} .index=${p.index}
      @queue-jump-request=${this._onQueueJump} @close-request=${close}></td-queue>`;
    const storage = () => html`<td-storage-panel ?open=${this._storageOpen} .report=${w.storage}
      .states=${w.states} .songs=${this._songs} @close-request=${close}
      @remove-request=${this._onRemove} @clear-offline-request=${this._onClear}
      @budget-request=${this._onBudget}></td-storage-panel>`;
    const update = () => html`<td-update-prompt ?open=${w.needRefresh} .updating=${this._updating}
      @update-request=${this._onUpdate} @close-request=${close}></td-update-prompt>`;
    return [
      has('td-queue') ? queue() : nothing,
      has('td-storage-panel') ? storage() : nothing,
      has('td-update-prompt') ? update() : nothing,
      has('td-toasts') ? html`<td-toasts></td-toasts>` : nothing,
    ];
  }

  /** `close-request` from a part: the shell owns whether it is open. */
  private _onPartClose(event: Event): void {
    const tag = (event.currentTarget as Element).localName;
    if (tag === 'td-queue') this._queueOpen = false;
    else if (tag === 'td-storage-panel') this._storageOpen = false;
    else this._worker.needRefresh = false;
    this.requestUpdate();
  }
  private _onQueueJump(event: TdEvent<'queue-jump-request'>): void {
    this._playback.jumpTo(event.detail.index);
  }
  private _onBudget(event: TdEvent<'budget-request'>): void {
    this.bridge?.setBudget(event.detail.bytes);
  }
  private _onPlaySong(event: TdEvent<'play-song-request'>): void {
    const { song, queue = [song] } = event.detail;
    if (this._playback.current?.id === song.id) {
      this._playback.toggle();
      return;
    }
    const index = queue.findIndex((s) => s.id === song.id);
    if (index < 0) this._playback.playQueue([song], 0);
    else this._playback.playQueue(queue, index);
  }
  private _onDownload(event: TdEvent<'download-request'>): void {
    this.bridge?.cacheSong(event.detail.song, true);
  }
  private _onRemove(event: TdEvent<'remove-request'>): void {
    this.bridge?.removeSong(event.detail.id);
  }
  private _onClear(): void {
    this.bridge?.clearSongs();
    void this._parts.toast('Offline songs removed from this device', 'success');
  }
  private async _onCopyLink(event: TdEvent<'copy-link-request'>): Promise<void> {
    const { copyStreamLink } = await import('../lib/stream-link.ts');
    const { ok, message } = await copyStreamLink(event.detail.song.id);
    void this._parts.toast(message, ok ? 'success' : 'error', { key: 'stream-link' });
  }
  private _onSearch(event: TdEvent<'search-request'>): void {
    this._query = event.detail.query;
  }
  private _onSongsLoaded(event: TdEvent<'songs-loaded'>): void {
    const songs = new Map(this._songs);
    for (const song of event.detail.songs) songs.set(song.id, song);
    this._songs = songs;
  }
  private _onStorageOpen(): void {
    this._storageOpen = true;
    this.bridge?.refresh();
  }
  private async _onUpdate(): Promise<void> {
    this._updating = true;
    await this.bridge?.applyUpdate();
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
