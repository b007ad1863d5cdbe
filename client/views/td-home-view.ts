import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { coverStyles } from '../components/cover.ts';
import { renderSongRow, songRowStyles } from '../components/song-row.ts';
import { playableSongs, unavailableReason } from '../lib/availability.ts';
import { emit, type TdEvent } from '../lib/events.ts';
import { firstScreenShown } from '../lib/first-screen-shown.ts';
import { afterNextPaint } from '../lib/idle.ts';
import type { Song } from '../lib/library-types.ts';
import { albumCard, artistCard, cardStyles, EAGER_CARDS, playlistCard } from './cards.ts';
import { type HomeData, loadHome } from './home-data.ts';
import { reachOf } from './kept-index.ts';
import { shelf, shelfStyles } from './shelf.ts';
import { isFavourite } from './view-context.ts';
import { ViewElement } from './view-element.ts';
import { emptyState, offlineBanner, offlineChip, skeletonRows } from './view-parts.ts';

/**
 * Home (`/`): what was played last, what was added lately, favourites and playlists, and links to
 * the rest. Each part loads on its own and is left out when it cannot be had (offline, nothing yet).
 */
@customElement('td-home-view')
export class TdHomeView extends ViewElement {
  static styles = [
    ...ViewElement.styles,
    ...cardStyles,
    coverStyles,
    songRowStyles,
    shelfStyles,
    css`
      .rows {
        display: flex;
        flex-direction: column;
        gap: 2px;
      }
      .links {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
        margin: 0 12px;
      }
      .links a {
        padding: 0.5rem 0.9rem;
        border: 1px solid var(--td-border);
        border-radius: 999px;
        background: var(--td-surface);
        color: inherit;
        font-size: 0.9rem;
        font-weight: 600;
        text-decoration: none;
      }
      .links a:hover {
        background: var(--td-hover);
      }
    `,
  ];

  /** Null until the four parts have answered. */
  @state() private _data: HomeData | null = null;
  /**
   * Whether every part shows: the first data renders only the top part (the first screen, the
   * largest paint) and the rest a frame later, so no one task styles and lays out all of home.
   */
  @state() private _all = false;
  private _allScheduled = false;
  private _abort = new AbortController();
  private _loadedFor = '';

  protected willUpdate(changed: PropertyValues<this>): void {
    const key = JSON.stringify([this.ctx.online, this.ctx.epoch]);
    if (key !== this._loadedFor) {
      this._loadedFor = key;
      void this._load(changed.has('ctx') && changed.get('ctx') === undefined);
    }
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort.abort();
  }

  render() {
    const ctx = this.ctx;
    return html`
      <div class="toolbar">
        <div class="heading"><h1 tabindex="-1">Home</h1></div>
        <div class="tools">${offlineChip(this, ctx)}</div>
      </div>
      ${offlineBanner(ctx)}
      <nav class="links" aria-label="Browse">
        <a href="/favourites">Favourites</a><a href="/genres">Genres</a><a href="/playlists">Playlists</a><a href="/songs">All songs</a>
      </nav>
      ${this._data && ctx.ready ? this._renderParts(this._data) : skeletonRows(4)}
    `;
  }

  private _renderParts({ recent, added, favourites, playlists }: HomeData) {
    const ctx = this.ctx;
    const keep = <T extends { id: string }>(items: T[], kind: 'albums' | 'artists') =>
      items.filter((item) => !ctx.offlineOnly || reachOf(kind, item.id, ctx).kept);
    const recentSongs = recent.filter(
      (s) => !ctx.offlineOnly || unavailableReason(s, { ...ctx, online: false }) === null,
    );
    const favAlbums = keep(favourites.albums, 'albums').filter((a) =>
      isFavourite(ctx, 'albums', a.id, true),
    );
    const favArtists = keep(favourites.artists, 'artists').filter((a) =>
      isFavourite(ctx, 'artists', a.id, true),
    );
    const nothingYet =
      recentSongs.length + added.length + favAlbums.length + playlists.length === 0;
    const parts = [
      recentSongs.length > 0 ? this._renderRecent(recentSongs) : nothing,
      shelf(
        'Recently added',
        // At first only the cards a wide screen shows; the rest (to the right) with the other parts.
        keep(added, 'albums')
          .slice(0, this._all ? undefined : EAGER_CARDS)
          .map((a, i) => albumCard(a, ctx, { eager: recentSongs.length === 0 && i < EAGER_CARDS })),
        { href: '/albums?sort=added', label: 'All albums' },
      ),
      shelf(
        'Favourite albums',
        favAlbums.map((a) => albumCard(a, ctx)),
        { href: '/favourites', label: 'All favourites' },
      ),
      shelf(
        'Favourite artists',
        favArtists.map((a) => artistCard(a, ctx)),
      ),
      ctx.offlineOnly
        ? nothing
        : shelf(
            'Playlists',
            playlists.map((p) => playlistCard(p)),
            { href: '/playlists', label: 'All playlists' },
          ),
      nothingYet
        ? ctx.online
          ? emptyState(
              'Welcome to Tapedeck',
              'Browse your albums and artists, or play any song: what you play shows up here.',
            )
          : emptyState(
              'You’re offline',
              'What you played on this device shows up here and still plays.',
            )
        : nothing,
    ].filter((part) => part !== nothing);
    return this._all ? parts : parts.slice(0, 1);
  }

  protected updated(): void {
    // The first part painted, the rest (below it: nothing above moves) in a task after that frame.
    if (this._all || this._data === null || !this.ctx.ready || this._allScheduled) return;
    this._allScheduled = true;
    void afterNextPaint().then(() => {
      this._all = true;
    });
    // Once its covers are painted too, the first screen is shown: the rest of the app may start.
    void afterNextPaint()
      .then(() => this._firstCoversPainted())
      .then(firstScreenShown);
  }

  /** Resolves once the first screen's covers (the eager ones) are decoded and painted. */
  private async _firstCoversPainted(): Promise<void> {
    const covers = this.renderRoot.querySelectorAll<HTMLImageElement>('img[fetchpriority="high"]');
    await Promise.all([...covers].map((img) => img.decode().catch(() => {})));
    await afterNextPaint();
  }

  private _renderRecent(songs: Song[]) {
    const ctx = this.ctx;
    const onPlay = (event: TdEvent<'play-song-request'>) => {
      event.stopPropagation();
      const queue = playableSongs(songs, ctx);
      emit(this, 'play-list-request', {
        songs: queue,
        index: Math.max(0, queue.indexOf(event.detail.song)),
      });
    };
    return html`<h2 class="section"><span>Recently played</span></h2>
      <div class="rows" role="list" aria-label="Recently played" @play-song-request=${onPlay}>
        ${repeat(
          songs,
          (song) => song.id,
          (song, index) => {
            const current = song.id === ctx.currentId;
            return renderSongRow(song, {
              offline: ctx.states.get(song.id),
              unavailable: unavailableReason(song, ctx),
              online: ctx.online,
              current,
              playing: current && ctx.playing,
              favourite: isFavourite(ctx, 'songs', song.id, song.favourite),
              index,
              setSize: songs.length,
            });
          },
        )}
      </div>`;
  }

  private async _load(first: boolean): Promise<void> {
    this._abort.abort();
    const abort = new AbortController();
    this._abort = abort;
    const data = await loadHome(this.ctx.offlineSongs.values(), this.ctx.online, abort.signal);
    if (abort.signal.aborted) return;
    this._data = data;
    if (first && data.reached) this.reportReach(true);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-home-view': TdHomeView;
  }
}
