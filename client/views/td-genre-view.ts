import { html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { fetchAlbums } from '../lib/api.ts';
import { playableSongs, shuffled } from '../lib/availability.ts';
import { collectSongs } from '../lib/collect-songs.ts';
import { emit } from '../lib/events.ts';
import type { Album, AlbumSort } from '../lib/library-types.ts';
import { localAlbums, localSongs } from '../lib/local-library.ts';
import { albumCard, type CardOptions } from './cards.ts';
import { type GridQuery, GridView } from './grid-view.ts';
import { keptIndex } from './kept-index.ts';
import { playButtons } from './list-tools.ts';
import type { ViewContext } from './view-context.ts';

/** One genre (`/genres/:name`): its albums, and play or shuffle its songs. */
@customElement('td-genre-view')
export class TdGenreView extends GridView<Album, AlbumSort> {
  @property() genre = '';
  protected readonly sorts = {
    name: 'Name',
    artist: 'Artist',
    year: 'Year',
    added: 'Recently added',
  };

  protected get scope(): string {
    return this.genre;
  }

  protected get noun() {
    return { one: 'album', many: 'albums', title: this.genre };
  }

  protected fetchPage(query: GridQuery<AlbumSort>, signal: AbortSignal) {
    return fetchAlbums({ ...query, genre: this.genre }, signal);
  }
  protected localItems(ctx: ViewContext, q: string, sort: AlbumSort): Album[] {
    const albums = localAlbums(ctx.offlineSongs.values(), { q, sort, genre: this.genre });
    const kept = keptIndex(ctx).albums;
    return ctx.offlineOnly ? albums.filter((a) => kept.has(a.id)) : albums;
  }
  protected card(album: Album, options: CardOptions) {
    return albumCard(album, this.ctx, options);
  }
  protected extraTools(): TemplateResult {
    return html`${playButtons(this.list.total > 0, (shuffle) => void this._play(shuffle))}`;
  }

  private async _play(shuffle: boolean): Promise<void> {
    const { ctx, genre } = this;
    const local = () => localSongs(ctx.offlineSongs.values(), { genre });
    const songs = playableSongs(await collectSongs({ genre }, local).catch(local), ctx);
    if (songs.length > 0)
      emit(this, 'play-list-request', { songs: shuffle ? shuffled(songs) : songs });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-genre-view': TdGenreView;
  }
}
