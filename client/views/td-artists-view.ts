import { customElement } from 'lit/decorators.js';
import { fetchArtists } from '../lib/api.ts';
import type { Artist, ArtistSort } from '../lib/library-types.ts';
import { localArtists } from '../lib/local-library.ts';
import { artistCard, type CardOptions } from './cards.ts';
import { type GridQuery, GridView } from './grid-view.ts';
import { keptIndex } from './kept-index.ts';
import type { ViewContext } from './view-context.ts';

/** Every (album) artist as a grid (`/artists?sort=&q=`). */
@customElement('td-artists-view')
export class TdArtistsView extends GridView<Artist, ArtistSort> {
  protected readonly noun = { one: 'artist', many: 'artists', title: 'Artists' };
  protected readonly sorts = { name: 'Name', added: 'Recently added' };

  protected fetchPage(query: GridQuery<ArtistSort>, signal: AbortSignal) {
    return fetchArtists(query, signal);
  }
  protected localItems(ctx: ViewContext, q: string, sort: ArtistSort): Artist[] {
    const artists = localArtists(ctx.offlineSongs.values(), { q, sort });
    const kept = keptIndex(ctx).artists;
    return ctx.offlineOnly ? artists.filter((a) => kept.has(a.id)) : artists;
  }
  protected card(artist: Artist, options: CardOptions) {
    return artistCard(artist, this.ctx, options);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-artists-view': TdArtistsView;
  }
}
