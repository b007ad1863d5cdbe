import { customElement } from 'lit/decorators.js';
import { fetchAlbums } from '../lib/api.ts';
import type { Album, AlbumSort } from '../lib/library-types.ts';
import { localAlbums } from '../lib/local-library.ts';
import { albumCard, type CardOptions } from './cards.ts';
import { type GridQuery, GridView } from './grid-view.ts';
import { keptIndex } from './kept-index.ts';
import type { ViewContext } from './view-context.ts';

/** Every album as a grid of covers (`/albums?sort=&q=`). */
@customElement('td-albums-view')
export class TdAlbumsView extends GridView<Album, AlbumSort> {
  protected readonly noun = { one: 'album', many: 'albums', title: 'Albums' };
  protected readonly sorts = {
    name: 'Name',
    artist: 'Artist',
    year: 'Year',
    added: 'Recently added',
  };

  protected fetchPage(query: GridQuery<AlbumSort>, signal: AbortSignal) {
    return fetchAlbums(query, signal);
  }
  protected localItems(ctx: ViewContext, q: string, sort: AlbumSort): Album[] {
    const albums = localAlbums(ctx.offlineSongs.values(), { q, sort });
    const kept = keptIndex(ctx).albums;
    return ctx.offlineOnly ? albums.filter((a) => kept.has(a.id)) : albums;
  }
  protected card(album: Album, options: CardOptions) {
    return albumCard(album, this.ctx, options);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-albums-view': TdAlbumsView;
  }
}
