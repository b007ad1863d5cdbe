import { html, nothing, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { PagedItems } from '../controllers/paged-items.ts';
import { Resource } from '../controllers/resource.ts';
import { fetchSongs } from '../lib/api.ts';
import { isKeptOffline } from '../lib/availability.ts';
import type { TdEvent } from '../lib/events.ts';
import type { Favourites, Song } from '../lib/library-types.ts';
import { localSongs } from '../lib/local-library.ts';
import { fetchFavourites } from '../lib/user-api.ts';
import '../components/td-song-list.ts';
import { albumCard, artistCard, cardStyles } from './cards.ts';
import { keepFocusOnUnheart } from './heart-focus.ts';
import { keptIndex } from './kept-index.ts';
import { keptSignature } from './list-tools.ts';
import { shelf, shelfStyles } from './shelf.ts';
import { isFavourite, type ViewContext } from './view-context.ts';
import { ViewElement } from './view-element.ts';
import { emptyState, errorNotice, plural, skeletonRows, viewHeading } from './view-parts.ts';

/**
 * The user's favourite albums and artists (the newest, from `/api/favourites`) and every favourite
 * song, virtualised and fetched a page at a time (`/api/songs?favourite=true`): a listener with
 * thousands of hearts costs what the screen shows.
 */
@customElement('td-favourites-view')
export class TdFavouritesView extends ViewElement {
  static styles = [...ViewElement.styles, ...cardStyles, shelfStyles];

  private readonly _favourites = new Resource<Favourites>(this, (ok) => this.reportReach(ok));
  private readonly _songs = new PagedItems<Song>(this, {
    onReachability: (reachable) => this.reportReach(reachable),
  });

  /** What the song list was last asked for: its key, and the hearts changed in this session. */
  private _songsKey = '';
  private _hearts: ViewContext['favourites'] | null = null;

  constructor() {
    super();
    // A heart taken off here removes its card or row: focus goes on to the next one's heart.
    this.addEventListener('favourite-request', (event) =>
      keepFocusOnUnheart(this, event as TdEvent<'favourite-request'>),
    );
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    const ctx = this.ctx;
    this._favourites.use({
      key: JSON.stringify([ctx.online]),
      fetch: (signal) => fetchFavourites(signal),
      local: () => localFavourites(ctx),
    });
    // A heart set or taken off, and again once the server has it (FavouriteChanges replaces its
    // map then), lists the songs again (the list is the server's), keeping the rows on screen
    // meanwhile: a blanked list would lose the keyboard focus of the next row's heart.
    const key = JSON.stringify([ctx.online, ctx.offlineOnly && keptSignature(ctx)]);
    const heartsChanged = key === this._songsKey && ctx.favourites !== this._hearts;
    this._songsKey = key;
    this._hearts = ctx.favourites;
    this._songs.use({
      key,
      fetch: (offset, limit, signal) => fetchSongs({ favourite: true, limit, offset }, signal),
      local: async () => localFavourites(ctx).songs.filter((s) => this._shows(s)),
      localOnly: ctx.offlineOnly,
    });
    const old = changed.get('ctx');
    if (old && old.epoch !== ctx.epoch) {
      this._favourites.reload();
      this._songs.refresh();
    } else if (heartsChanged) this._songs.refresh();
  }

  render() {
    const ctx = this.ctx;
    const value = this._favourites.value;
    const songs = this._songs;
    const waiting = !ctx.ready || this._favourites.loading || songs.loading;
    const shown = value ? this._filter(value) : null;
    const total = shown ? songs.total + shown.albums.length + shown.artists.length : 0;
    return html`
      ${viewHeading(this, ctx, { title: 'Favourites', count: waiting || !shown ? 'Loading…' : plural(total, 'favourite') })}
      ${errorNotice(this._favourites.error, () => this._favourites.reload())}
      ${waiting ? skeletonRows(4) : nothing}
      ${
        !waiting && total === 0 && !this._favourites.error
          ? emptyState(
              ctx.offlineOnly ? 'No favourites on this device' : 'No favourites yet',
              'Tap the heart on a song, an album or an artist to find it here.',
            )
          : nothing
      }
      ${
        shown
          ? shelf(
              'Albums',
              shown.albums.map((a) => albumCard(a, ctx)),
            )
          : nothing
      }
      ${
        shown
          ? shelf(
              'Artists',
              shown.artists.map((a) => artistCard(a, ctx)),
            )
          : nothing
      }
      ${
        ctx.ready && songs.total > 0
          ? html`<h2 class="section">Songs</h2><td-song-list .items=${songs.items} .ctx=${ctx}
            @range-change=${(e: TdEvent<'range-change'>) => songs.want(e.detail.first, e.detail.last)}></td-song-list>`
          : nothing
      }
    `;
  }

  /** A favourite song this view lists: with the filter, only what this device keeps. */
  private _shows(song: Song): boolean {
    return !this.ctx.offlineOnly || isKeptOffline(song.id, this.ctx.states);
  }

  /** Hearts taken off since the answer came are left out, and with the filter, what is not kept. */
  private _filter(value: Favourites): Favourites {
    const ctx = this.ctx;
    const kept = keptIndex(ctx);
    const still = (kind: 'songs' | 'albums' | 'artists', id: string) =>
      isFavourite(ctx, kind, id, true);
    return {
      songs: [], // listed page by page (`_songs`)
      albums: value.albums.filter(
        (a) => still('albums', a.id) && (!ctx.offlineOnly || kept.albums.has(a.id)),
      ),
      artists: value.artists.filter(
        (a) => still('artists', a.id) && (!ctx.offlineOnly || kept.artists.has(a.id)),
      ),
    };
  }
}

/** Offline, without the server's list: the favourite songs among those this device keeps. */
function localFavourites(ctx: ViewContext): Favourites {
  const songs = localSongs(ctx.offlineSongs.values());
  return {
    songs: songs.filter((s) => isFavourite(ctx, 'songs', s.id, s.favourite)),
    albums: [],
    artists: [],
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'td-favourites-view': TdFavouritesView;
  }
}
