import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Resource } from '../controllers/resource.ts';
import { fetchArtist } from '../lib/api.ts';
import { playableSongs, shuffled } from '../lib/availability.ts';
import { collectSongs } from '../lib/collect-songs.ts';
import { emit } from '../lib/events.ts';
import type { ArtistDetail } from '../lib/library-types.ts';
import { localArtist, localSongs } from '../lib/local-library.ts';
import { cardGrid, cardGridStyles } from './card-grid.ts';
import { albumCard, cardStyles } from './cards.ts';
import { heartButton, hero, heroStyles } from './hero.ts';
import { keptIndex } from './kept-index.ts';
import { playButtons } from './list-tools.ts';
import { isFavourite } from './view-context.ts';
import { ViewElement } from './view-element.ts';
import { emptyState, errorNotice, plural, skeletonRows } from './view-parts.ts';

/** One artist (`/artists/:id`): play or shuffle everything by them, heart, and their albums. */
@customElement('td-artist-view')
export class TdArtistView extends ViewElement {
  static styles = [...ViewElement.styles, ...heroStyles, ...cardStyles, cardGridStyles];

  @property() artistId = '';
  private readonly _artist = new Resource<ArtistDetail>(this, (ok) => this.reportReach(ok));

  protected willUpdate(changed: PropertyValues<this>): void {
    const { ctx, artistId } = this;
    const songs = ctx.offlineSongs;
    this._artist.use({
      key: JSON.stringify([artistId, ctx.online]),
      fetch: (signal) => fetchArtist(artistId, signal),
      local: () => localArtist(songs.values(), artistId),
    });
    const old = changed.get('ctx');
    if (old && old.epoch !== ctx.epoch) this._artist.reload();
  }

  render() {
    const { ctx } = this;
    const artist = this._artist.value;
    if (!ctx.ready || this._artist.loading) return skeletonRows();
    if (!artist) {
      if (this._artist.error) return errorNotice(this._artist.error, () => this._artist.reload());
      return html`<h1 class="sr-only" tabindex="-1">Artist not found</h1>${emptyState('Artist not found', 'They may have left the library.')}`;
    }
    const kept = keptIndex(ctx).albums;
    const albums = ctx.offlineOnly ? artist.albums.filter((a) => kept.has(a.id)) : artist.albums;
    return html`
      ${hero(this, ctx, {
        kicker: 'Artist',
        title: artist.name,
        coverUrl: artist.coverUrl,
        round: true,
        meta: [plural(artist.albumCount, 'album'), plural(artist.songCount, 'song')],
        actions: html`${playButtons(true, (shuffle) => void this._play(shuffle))}
          ${heartButton(this, 'artists', artist.id, isFavourite(ctx, 'artists', artist.id, artist.favourite), artist.name)}`,
      })}
      <h2 class="section">Albums</h2>
      ${albums.length === 0 ? emptyState('No albums on this device', 'Play a song once to keep it offline.') : nothing}
      ${cardGrid(
        albums,
        (album, options) => albumCard(album, ctx, options),
        () => {},
        'Albums',
      )}
    `;
  }

  private async _play(shuffle: boolean): Promise<void> {
    const { ctx, artistId } = this;
    const local = () => localSongs(ctx.offlineSongs.values(), { artistId });
    const songs = playableSongs(await collectSongs({ artistId }, local).catch(local), ctx);
    if (songs.length > 0)
      emit(this, 'play-list-request', { songs: shuffle ? shuffled(songs) : songs });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-artist-view': TdArtistView;
  }
}
