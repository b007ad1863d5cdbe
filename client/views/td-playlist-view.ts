import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { TdSongList } from '../components/td-song-list.ts';
import { Resource } from '../controllers/resource.ts';
import { ApiError } from '../lib/api.ts';
import { isKeptOffline, playableSongs, shuffled } from '../lib/availability.ts';
import { emit, type TdEvent } from '../lib/events.ts';
import { formatSpokenTime } from '../lib/format.ts';
import { iconRemove } from '../lib/icons.ts';
import { iconEdit } from '../lib/icons-more.ts';
import type { Song } from '../lib/library-types.ts';
import { deletePlaylist, fetchPlaylist, type Playlist, updatePlaylist } from '../lib/user-api.ts';
import '../components/td-song-list.ts';
import { formStyles } from './form-styles.ts';
import { hero, heroStyles } from './hero.ts';
import { playButtons } from './list-tools.ts';
import { ViewElement } from './view-element.ts';
import { emptyState, errorNotice, plural, skeletonRows } from './view-parts.ts';

const SAVE_DELAY_MS = 600;

/**
 * One playlist (`/playlists/:id`): play, shuffle, rename, delete, and its songs in the saved order,
 * which can be changed by dragging a handle or with ↑/↓ on it, and songs removed. Edits show at
 * once and are saved (the whole order) shortly after the last one.
 */
@customElement('td-playlist-view')
export class TdPlaylistView extends ViewElement {
  static styles = [...ViewElement.styles, ...heroStyles, formStyles];

  @property() playlistId = '';
  @state() private _songs: Song[] = [];
  @state() private _editing = false;
  @state() private _renaming = false;
  @state() private _confirmDelete = false;
  @state() private _problem: string | null = null;
  @query('td-song-list') private _list!: TdSongList;
  private _name = '';
  private _shown: Playlist | null = null;
  private _saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly _playlist = new Resource<Playlist>(this, (ok) => this.reportReach(ok));

  protected willUpdate(changed: PropertyValues<this>): void {
    const { ctx, playlistId } = this;
    this._playlist.use({
      key: JSON.stringify([playlistId, ctx.online]),
      fetch: (signal) => fetchPlaylist(playlistId, signal),
    });
    const old = changed.get('ctx');
    if (old && old.epoch !== ctx.epoch) this._playlist.reload();
    // A (re)loaded playlist replaces the edited copy; songs gone from the library are left out.
    const playlist = this._playlist.value;
    if (playlist && playlist !== this._shown) {
      this._shown = playlist;
      this._name = playlist.name;
      const byId = new Map(playlist.songs.map((song) => [song.id, song]));
      this._songs = playlist.songIds.flatMap((id) => byId.get(id) ?? []);
    }
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this._saveTimer !== undefined) void this._save();
  }

  render() {
    const { ctx } = this;
    const playlist = this._playlist.value;
    if (!ctx.ready || this._playlist.loading) return skeletonRows();
    if (!playlist) {
      if (this._playlist.error)
        return errorNotice(this._playlist.error, () => this._playlist.reload());
      const title = ctx.online ? 'Playlist not found' : 'This playlist is not on this device';
      return html`<h1 class="sr-only" tabindex="-1">${title}</h1>${emptyState(title, ctx.online ? 'It may have been deleted.' : 'Open it once online to keep it for offline use.')}`;
    }
    const songs = ctx.offlineOnly
      ? this._songs.filter((s) => isKeptOffline(s.id, ctx.states))
      : this._songs;
    const playable = playableSongs(this._songs, ctx);
    const duration = this._songs.reduce((sum, song) => sum + song.duration, 0);
    return html`
      ${hero(this, ctx, {
        kicker: 'Playlist',
        title: this._name,
        coverUrl: this._songs[0]?.coverUrl ?? null,
        meta: [
          plural(this._songs.length, 'song'),
          html`<span title=${formatSpokenTime(duration)}>${Math.round(duration / 60)} min</span>`,
        ],
        actions: html`${playButtons(playable.length > 0, (shuffle) =>
          emit(this, 'play-list-request', { songs: shuffle ? shuffled(playable) : playable }),
        )}${this._renderEditButtons()}`,
      })}
      ${this._renaming ? this._renderRename() : nothing}
      ${this._confirmDelete ? this._renderConfirm() : nothing}
      ${this._problem ? html`<div class="notice" role="alert"><p>${this._problem}</p></div>` : nothing}
      ${songs.length === 0 ? emptyState('No songs here yet', 'Add songs from any song’s menu, an album or the player.') : nothing}
      <td-song-list repeats ?editable=${this._editing && !ctx.offlineOnly} .items=${songs} .ctx=${ctx}
        @reorder-request=${this._onReorder} @remove-at-request=${this._onRemoveAt}></td-song-list>
    `;
  }

  private _renderEditButtons() {
    const online = this.ctx.online;
    return html`<button class="btn btn-quiet" data-testid="edit-playlist" aria-pressed=${String(this._editing)}
        ?disabled=${!online} @click=${() => {
          this._editing = !this._editing;
        }}>${iconEdit()}<span>${this._editing ? 'Done' : 'Edit'}</span></button>
      <button class="btn btn-quiet" data-testid="rename-playlist" ?disabled=${!online}
        @click=${() => {
          this._renaming = true;
        }}>Rename</button>
      <button class="icon-button" data-testid="delete-playlist" aria-label="Delete playlist" title="Delete playlist"
        ?disabled=${!online} @click=${() => {
          this._confirmDelete = true;
        }}>${iconRemove()}</button>`;
  }

  private _renderRename() {
    return html`<form @submit=${this._onRename}>
      <input name="name" data-testid="playlist-name" aria-label="Playlist name" .value=${this._name}
        maxlength="200" required autofocus />
      <button class="btn btn-primary" type="submit">Save</button>
      <button class="btn btn-quiet" type="button" @click=${() => {
        this._renaming = false;
      }}>Cancel</button>
    </form>`;
  }

  private _renderConfirm() {
    return html`<div class="confirm" role="alertdialog" aria-label="Delete playlist">
      <p>Delete “${this._name}”? This cannot be undone.</p>
      <button class="btn btn-danger" data-testid="confirm-delete" @click=${this._onDelete}>Delete</button>
      <button class="btn btn-quiet" @click=${() => {
        this._confirmDelete = false;
      }}>Cancel</button>
    </div>`;
  }

  private _onReorder(event: TdEvent<'reorder-request'>): void {
    const { from, to } = event.detail;
    const songs = [...this._songs];
    const [moved] = songs.splice(from, 1);
    if (!moved) return;
    songs.splice(to, 0, moved);
    this._songs = songs;
    this._scheduleSave();
    void this._list?.focusHandle(to);
  }

  private _onRemoveAt(event: TdEvent<'remove-at-request'>): void {
    this._songs = this._songs.filter((_song, i) => i !== event.detail.index);
    this._scheduleSave();
  }

  private _scheduleSave(): void {
    clearTimeout(this._saveTimer);
    this._saveTimer = setTimeout(() => void this._save(), SAVE_DELAY_MS);
  }

  private async _save(): Promise<void> {
    clearTimeout(this._saveTimer);
    this._saveTimer = undefined;
    try {
      await updatePlaylist(this.playlistId, { songIds: this._songs.map((s) => s.id) });
      this._problem = null;
    } catch (error) {
      this._problem = `Could not save the new order: ${error instanceof ApiError ? error.message : 'unknown error'}`;
    }
  }

  private async _onRename(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem(
      'name',
    ) as HTMLInputElement;
    try {
      const saved = await updatePlaylist(this.playlistId, { name: input.value.trim() });
      this._name = saved.name;
      this._renaming = false;
      this._problem = null;
    } catch (error) {
      this._problem = error instanceof ApiError ? error.message : 'Could not rename the playlist.';
    }
  }

  private async _onDelete(): Promise<void> {
    try {
      await deletePlaylist(this.playlistId);
      emit(this, 'navigate-request', { href: '/playlists', replace: true });
    } catch (error) {
      this._problem = error instanceof ApiError ? error.message : 'Could not delete the playlist.';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-playlist-view': TdPlaylistView;
  }
}
