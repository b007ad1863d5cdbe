import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Song } from '../../api/catalog/song.ts';
import type { OfflineState } from '../../sw/protocol.ts';
import { LibraryLoader } from '../controllers/library-loader.ts';
import { ProgressiveList } from '../controllers/progressive-list.ts';
import { canPlayMime } from '../lib/can-play.ts';
import { emit, type TdEvent } from '../lib/events.ts';
import { iconOffline } from '../lib/icons.ts';
import { filterSongs } from '../lib/search.ts';
import { baseStyles, buttonStyles } from '../styles/shared.ts';
import { libraryStyles } from './td-library.styles.ts';
import type { UnavailableReason } from './td-song-row.ts';
import './td-song-row.ts';

/**
 * The song list: server search while online, local accent-insensitive filtering offline, an
 * "Available offline" filter, and paging as the list scrolls.
 */
@customElement('td-library')
export class TdLibrary extends LitElement {
  static styles = [baseStyles, buttonStyles, libraryStyles];

  /** The search text (from the header search field). */
  @property() query = '';
  /** Songs can come from the network; when false only songs kept offline play. */
  @property({ type: Boolean }) online = true;
  /** Offline state per song id, from the service worker. */
  @property({ attribute: false }) offlineStates: ReadonlyMap<string, OfflineState> = new Map();
  /** The song loaded in the player, and whether it plays. */
  @property() currentId: string | null = null;
  @property({ type: Boolean }) playing = false;
  /**
   * Connectivity and the songs' offline states are known (a health probe or a straight network
   * answer settled the first; the worker answered the second). Loading starts at once, but rows
   * wait for this, so they never show a wrong state for a moment: playable when the server is down
   * and the worker answers from its cache, or not saved when the worker simply has not said yet.
   */
  @property({ type: Boolean }) ready = true;
  /** Bump to re-fetch the first page quietly (the service worker just took control). */
  @property({ type: Number }) refreshKey = 0;

  @state() private _offlineOnly = false;
  @query('.sentinel') private _sentinel!: HTMLElement;
  private _observer: IntersectionObserver | undefined;
  private readonly _loader = new LibraryLoader(this, {
    onUnreachable: () => emit(this, 'reachability-change', { reachable: false }),
    onReachable: () => emit(this, 'reachability-change', { reachable: true }),
    onSongs: (songs) => emit(this, 'songs-loaded', { songs }),
  });
  private readonly _rows = new ProgressiveList(this);

  protected willUpdate(changed: PropertyValues<this>): void {
    this._loader.sync(this.query, this.online); // does nothing when neither changed
    if (changed.has('query')) this._rows.reset();
    if (changed.has('refreshKey') && this.refreshKey > 0) this._loader.refresh();
    if (this._offlineOnly && (changed.has('offlineStates') || changed.has('online'))) {
      void this._loader.ensure(this._completeIds());
    }
  }

  protected firstUpdated(): void {
    this._observer = new IntersectionObserver(
      (entries) => {
        // Rows still to render come first: the sentinel only says the end is near once they are in.
        if (this._rows.complete && entries.some((e) => e.isIntersecting)) this._loader.loadMore();
      },
      { rootMargin: '600px 0px' },
    );
    this._observer.observe(this._sentinel);
  }

  protected updated(): void {
    // Re-observing fires a fresh callback, so a sentinel still in view after a page loads the next.
    if (this._loader.hasMore && !this._loader.loading && this._rows.complete && this._observer) {
      this._observer.unobserve(this._sentinel);
      this._observer.observe(this._sentinel);
    }
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this._observer?.disconnect();
  }

  render() {
    const songs = this.ready ? this._visibleSongs() : [];
    const loader = this._loader;
    return html`
      <div class="toolbar">
        <div class="heading">
          <h1>${this.query ? 'Search results' : 'Library'}</h1>
          <p class="count" aria-live="polite">${this._summary(songs.length)}</p>
        </div>
        <label class="chip">
          <input type="checkbox" data-testid="filter-offline" .checked=${this._offlineOnly}
            @change=${this._onFilterChange} />
          <span>Available offline</span>
        </label>
      </div>
      ${
        this.online
          ? nothing
          : html`<div class="banner" role="status">${iconOffline()}
            <span>You're offline. Songs saved on this device still play.</span></div>`
      }
      ${
        loader.error
          ? html`<div class="notice"><p>${loader.error}</p>
            <button class="btn btn-quiet" @click=${() => loader.retry()}>Try again</button></div>`
          : nothing
      }
      <div class="list" role="list" @play-song-request=${this._onPlayRequest}>
        ${repeat(
          songs.slice(0, this._rows.take(songs.length)),
          (song) => song.id,
          (song) => this._renderRow(song),
        )}
      </div>
      ${(loader.loading || !this.ready) && songs.length === 0 ? skeleton() : nothing}
      ${this.ready && !loader.loading && songs.length === 0 && !loader.error ? this._renderEmpty() : nothing}
      <div class="sentinel"></div>
      ${
        loader.hasMore && !this._offlineOnly
          ? html`<div class="more"><button class="btn btn-quiet" ?disabled=${loader.loading}
            @click=${() => loader.loadMore()}>${loader.loading ? 'Loading…' : 'Show more songs'}</button></div>`
          : nothing
      }
    `;
  }

  private _renderRow(song: Song) {
    const state = this.offlineStates.get(song.id);
    const current = song.id === this.currentId;
    return html`<td-song-row role="listitem" .song=${song} .offline=${state}
      .unavailable=${this._unavailable(song, state)} .online=${this.online}
      ?current=${current} .playing=${current && this.playing}></td-song-row>`;
  }

  private _renderEmpty() {
    let title = 'Your library is empty';
    let text = 'Add music files to the server’s music folder and they will show up here.';
    if (this._offlineOnly) {
      title = 'Nothing saved offline yet';
      text =
        'Songs you play are kept on this device. Use the download button to keep one on purpose.';
    } else if (this.query) {
      title = `No songs match “${this.query}”`;
      text = this.online
        ? 'Try another title, artist or album.'
        : 'Offline, only songs already loaded can be searched.';
    } else if (!this.online) {
      title = 'You’re offline';
      text = 'Songs appear here once the library has loaded. Play a song once to keep it offline.';
    }
    return html`<div class="empty"><h2>${title}</h2><p>${text}</p></div>`;
  }

  private _visibleSongs(): Song[] {
    if (!this._offlineOnly) return this._loader.items;
    const saved = [...this._loader.known.values()].filter(
      (song) => this.offlineStates.get(song.id)?.status === 'complete',
    );
    return filterSongs(saved, this.query);
  }

  private _summary(shown: number): string {
    const total = this._offlineOnly ? shown : this._loader.total;
    if (!this.ready || (this._loader.loading && total === 0)) return 'Loading…';
    const songs = `${total} ${total === 1 ? 'song' : 'songs'}`;
    if (this._offlineOnly) return `${songs} on this device`;
    if (this._loader.source === 'local') return `${songs}, as last seen online`;
    return songs;
  }

  private _unavailable(song: Song, state: OfflineState | undefined): UnavailableReason {
    if (!canPlayMime(song.mimeType)) return 'format';
    if (!this.online && state?.status !== 'complete') return 'offline';
    return null;
  }

  private _completeIds(): string[] {
    return [...this.offlineStates.values()].filter((s) => s.status === 'complete').map((s) => s.id);
  }

  /** Add the queue: every song listed here that can play now, so play-on follows the list. */
  private _onPlayRequest(event: TdEvent<'play-song-request'>): void {
    if (event.detail.queue) return;
    event.stopPropagation();
    const queue = this._visibleSongs().filter(
      (song) => this._unavailable(song, this.offlineStates.get(song.id)) === null,
    );
    emit(this, 'play-song-request', { song: event.detail.song, queue });
  }

  private _onFilterChange(event: Event): void {
    this._offlineOnly = (event.target as HTMLInputElement).checked;
    this._rows.reset();
    if (this._offlineOnly) void this._loader.ensure(this._completeIds());
  }
}

function skeleton() {
  return html`<div class="skeleton" aria-hidden="true">
    ${Array.from({ length: 8 }, () => html`<div class="ghost"><i></i><b></b></div>`)}
  </div>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'td-library': TdLibrary;
  }
}
