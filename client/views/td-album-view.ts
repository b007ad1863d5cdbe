import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Resource } from '../controllers/resource.ts';
import { fetchAlbum } from '../lib/api.ts';
import { isKeptOffline, playableSongs, shuffled } from '../lib/availability.ts';
import { emit } from '../lib/events.ts';
import { formatSpokenTime } from '../lib/format.ts';
import { iconListAdd } from '../lib/icons-more.ts';
import type { AlbumDetail } from '../lib/library-types.ts';
import { localAlbum } from '../lib/local-library.ts';
import { hrefs } from '../router/routes.ts';
import '../components/td-song-list.ts';
import { heartButton, hero, heroStyles } from './hero.ts';
import { playButtons } from './list-tools.ts';
import { isFavourite } from './view-context.ts';
import { ViewElement } from './view-element.ts';
import { emptyState, errorNotice, plural, skeletonRows } from './view-parts.ts';

/**
 * One album (`/albums/:id`): cover, facts, play, shuffle, heart, add to playlist, and its songs in
 * disc and track order. Offline, the songs this device keeps play and the others are dimmed; when
 * the server's answer is not at hand either, the album is rebuilt from the songs kept.
 */
@customElement('td-album-view')
export class TdAlbumView extends ViewElement {
  static styles = [...ViewElement.styles, ...heroStyles];

  @property() albumId = '';
  private readonly _album = new Resource<AlbumDetail>(this, (ok) => this.reportReach(ok));

  protected willUpdate(changed: PropertyValues<this>): void {
    const { ctx, albumId } = this;
    const songs = ctx.offlineSongs;
    this._album.use({
      key: JSON.stringify([albumId, ctx.online]),
      fetch: (signal) => fetchAlbum(albumId, signal),
      local: () => localAlbum(songs.values(), albumId),
    });
    const old = changed.get('ctx');
    if (old && old.epoch !== ctx.epoch) this._album.reload();
  }

  render() {
    const { ctx } = this;
    const album = this._album.value;
    if (!ctx.ready || this._album.loading) return skeletonRows();
    if (!album) {
      if (this._album.error) return errorNotice(this._album.error, () => this._album.reload());
      return html`<h1 class="sr-only" tabindex="-1">Album not found</h1>${emptyState(
        'Album not found',
        ctx.online
          ? 'It may have been removed from the library.'
          : 'This device keeps none of its songs.',
      )}`;
    }
    const songs = ctx.offlineOnly
      ? album.songs.filter((s) => isKeptOffline(s.id, ctx.states))
      : album.songs;
    const playable = playableSongs(album.songs, ctx);
    const genres = album.genres.map(
      (g, i) => html`${i > 0 ? ', ' : ''}<a href=${hrefs.genre(g)}>${g}</a>`,
    );
    return html`
      ${hero(this, ctx, {
        kicker: 'Album',
        title: album.name,
        coverUrl: album.coverUrl,
        meta: [
          html`<a href=${hrefs.artist(album.artistId)}>${album.artist}</a>`,
          album.year ? String(album.year) : '',
          album.genres.length > 0 ? html`${genres}` : '',
          plural(album.songCount, 'song'),
          html`<span title=${formatSpokenTime(album.duration)}>${Math.round(album.duration / 60)} min</span>`,
        ],
        actions: html`${playButtons(playable.length > 0, (shuffle) =>
          emit(this, 'play-list-request', { songs: shuffle ? shuffled(playable) : playable }),
        )}
          ${heartButton(this, 'albums', album.id, isFavourite(ctx, 'albums', album.id, album.favourite), album.name)}
          <button class="icon-button" data-testid="album-add-to-playlist" aria-label="Add ${album.name} to a playlist"
            title="Add to playlist" @click=${() => emit(this, 'add-to-playlist-request', { songs: album.songs })}>
            ${iconListAdd()}</button>`,
      })}
      ${this._album.origin === 'local' ? html`<p class="count local-note">Only the songs this device keeps are listed.</p>` : nothing}
      ${songs.length === 0 ? emptyState('Nothing of this album on this device', 'Play a song once to keep it offline.') : nothing}
      <td-song-list hide-album .items=${songs} .ctx=${ctx}></td-song-list>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-album-view': TdAlbumView;
  }
}
