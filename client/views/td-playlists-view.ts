import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { PlaylistSummary } from '../../api/user-library/types.ts';
import { Resource } from '../controllers/resource.ts';
import { ApiError } from '../lib/api.ts';
import { emit } from '../lib/events.ts';
import { iconPlus } from '../lib/icons-more.ts';
import { createPlaylist, fetchPlaylists } from '../lib/user-api.ts';
import { hrefs } from '../router/routes.ts';
import { cardStyles, playlistCard } from './cards.ts';
import { formStyles } from './form-styles.ts';
import { ViewElement } from './view-element.ts';
import { emptyState, errorNotice, plural, skeletonRows, viewHeading } from './view-parts.ts';

/** The user's playlists (`/playlists`) and a form to start a new one. */
@customElement('td-playlists-view')
export class TdPlaylistsView extends ViewElement {
  static styles = [
    ...ViewElement.styles,
    ...cardStyles,
    formStyles,
    css`
      .cards {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
        gap: 4px;
        padding: 0 4px;
      }
    `,
  ];

  @state() private _creating = false;
  @state() private _formError = '';
  private readonly _playlists = new Resource<PlaylistSummary[]>(this, (ok) => this.reportReach(ok));

  protected willUpdate(changed: PropertyValues<this>): void {
    this._playlists.use({
      key: JSON.stringify([this.ctx.online]),
      fetch: async (signal) => (await fetchPlaylists(signal)).items,
      local: () => null,
    });
    const old = changed.get('ctx');
    if (old && old.epoch !== this.ctx.epoch) this._playlists.reload();
  }

  render() {
    const ctx = this.ctx;
    const list = this._playlists;
    const playlists = list.value ?? [];
    const waiting = !ctx.ready || list.loading;
    const tools = html`<button class="btn btn-primary" data-testid="new-playlist" ?disabled=${!ctx.online}
      @click=${() => {
        this._creating = true;
      }}>${iconPlus()}<span>New playlist</span></button>`;
    return html`
      ${viewHeading(this, ctx, { title: 'Playlists', count: waiting ? 'Loading…' : plural(playlists.length, 'playlist'), tools })}
      ${this._creating ? this._renderForm() : nothing}
      ${errorNotice(list.error, () => list.reload())}
      ${waiting ? skeletonRows(3) : nothing}
      ${
        !waiting && playlists.length === 0 && !list.error
          ? ctx.online
            ? emptyState(
                'No playlists yet',
                'Make one here, or add songs to a new playlist from any song’s menu.',
              )
            : emptyState(
                'You’re offline',
                'Your playlists show here once they have been loaded online.',
              )
          : nothing
      }
      <div class="cards" role="list">${playlists.map((p) => html`<div role="listitem">${playlistCard(p)}</div>`)}</div>
    `;
  }

  private _renderForm() {
    return html`<form @submit=${this._onCreate}>
      <input name="name" data-testid="playlist-name" aria-label="Playlist name" placeholder="Playlist name"
        maxlength="200" required autofocus />
      <button class="btn btn-primary" type="submit">Create</button>
      <button class="btn btn-quiet" type="button" @click=${() => {
        this._creating = false;
      }}>Cancel</button>
      ${this._formError ? html`<p class="form-error" role="alert">${this._formError}</p>` : nothing}
    </form>`;
  }

  private async _onCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem(
      'name',
    ) as HTMLInputElement;
    try {
      const playlist = await createPlaylist(input.value.trim(), []);
      this._creating = false;
      this._formError = '';
      emit(this, 'navigate-request', { href: hrefs.playlist(playlist.id) });
    } catch (error) {
      this._formError =
        error instanceof ApiError ? error.message : 'Could not create the playlist.';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-playlists-view': TdPlaylistsView;
  }
}
