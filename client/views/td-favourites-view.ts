import { html, nothing, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { Resource } from '../controllers/resource.ts';
import { isKeptOffline } from '../lib/availability.ts';
import type { Favourites } from '../lib/library-types.ts';
import { localSongs } from '../lib/local-library.ts';
import { fetchFavourites } from '../lib/user-api.ts';
import '../components/td-song-list.ts';
import { albumCard, artistCard, cardStyles } from './cards.ts';
import { keptIndex, reachOf } from './kept-index.ts';
import { shelf, shelfStyles } from './shelf.ts';
import { isFavourite, type ViewContext } from './view-context.ts';
import { ViewElement } from './view-element.ts';
import { emptyState, errorNotice, plural, skeletonRows, viewHeading } from './view-parts.ts';

/** The user's favourite albums, artists and songs (`/favourites`). */
@customElement('td-favourites-view')
export class TdFavouritesView extends ViewElement {
  static styles = [...ViewElement.styles, ...cardStyles, shelfStyles];

  private readonly _favourites = new Resource<Favourites>(this, (ok) => this.reportReach(ok));

  protected willUpdate(changed: PropertyValues<this>): void {
    const ctx = this.ctx;
    this._favourites.use({
      key: JSON.stringify([ctx.online]),
      fetch: (signal) => fetchFavourites(signal),
      local: () => localFavourites(ctx),
    });
    const old = changed.get('ctx');
    if (old && old.epoch !== ctx.epoch) this._favourites.reload();
  }

  render() {
    const ctx = this.ctx;
    const value = this._favourites.value;
    const waiting = !ctx.ready || this._favourites.loading;
    const shown = value ? this._filter(value) : null;
    const total = shown ? shown.songs.length + shown.albums.length + shown.artists.length : 0;
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
              shown.albums.map((a) => albumCard(a, reachOf('albums', a.id, ctx))),
            )
          : nothing
      }
      ${
        shown
          ? shelf(
              'Artists',
              shown.artists.map((a) => artistCard(a, reachOf('artists', a.id, ctx))),
            )
          : nothing
      }
      ${shown && shown.songs.length > 0 ? html`<h2 class="section">Songs</h2><td-song-list .items=${shown.songs} .ctx=${ctx}></td-song-list>` : nothing}
    `;
  }

  /** Hearts taken off since the answer came are left out, and with the filter, what is not kept. */
  private _filter(value: Favourites): Favourites {
    const ctx = this.ctx;
    const kept = keptIndex(ctx);
    const still = (kind: 'songs' | 'albums' | 'artists', id: string) =>
      isFavourite(ctx, kind, id, true);
    return {
      songs: value.songs.filter(
        (s) => still('songs', s.id) && (!ctx.offlineOnly || isKeptOffline(s.id, ctx.states)),
      ),
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
