import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PlaylistSummary } from '../../api/user-library/types.ts';
import { ApiError } from '../lib/api.ts';
import { emit } from '../lib/events.ts';
import { iconClose } from '../lib/icons.ts';
import { iconPlus } from '../lib/icons-more.ts';
import type { Song } from '../lib/library-types.ts';
import { createPlaylist, fetchPlaylist, fetchPlaylists, updatePlaylist } from '../lib/user-api.ts';
import { baseStyles, buttonStyles } from '../styles/shared.ts';
import { plural } from '../views/view-parts.ts';
import { pickerStyles } from './td-playlist-picker.styles.ts';

/**
 * "Add to playlist": the user's playlists, and a new one by name. The songs are appended to the
 * playlist's saved order (repeats are allowed). Says what happened with a `toast-request`.
 */
@customElement('td-playlist-picker')
export class TdPlaylistPicker extends LitElement {
  static styles = [baseStyles, buttonStyles, pickerStyles];

  /** The songs to add; null closes the dialog. */
  @property({ attribute: false }) songs: Song[] | null = null;
  @property({ type: Boolean }) online = true;
  @state() private _playlists: PlaylistSummary[] | null = null;
  @state() private _error = '';
  @state() private _busy = false;

  protected willUpdate(changed: PropertyValues<this>): void {
    this.toggleAttribute('open', this.songs !== null);
    if (changed.has('songs') && this.songs) {
      this._error = '';
      void this._load();
    }
  }

  protected updated(changed: PropertyValues<this>): void {
    if (changed.has('songs') && this.songs)
      this.renderRoot.querySelector<HTMLElement>('input')?.focus();
  }

  render() {
    const songs = this.songs;
    if (!songs) return nothing;
    const what = songs.length === 1 ? `“${songs[0]?.title}”` : plural(songs.length, 'song');
    return html`<section role="dialog" aria-modal="true" aria-labelledby="picker-title" @keydown=${this._onKeyDown}>
      <header><h2 id="picker-title">Add ${what} to a playlist</h2>
        <button class="icon-button" aria-label="Close" @click=${this._close}>${iconClose()}</button></header>
      ${this.online ? nothing : html`<p class="note">You’re offline: playlists can be changed once you’re back online.</p>`}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <ul>
        ${(this._playlists ?? []).map(
          (
            p,
          ) => html`<li><button class="choice" data-testid="pick-playlist" data-playlist-id=${p.id}
            ?disabled=${!this.online || this._busy} @click=${() => void this._addTo(p)}>
            <span>${p.name}</span><span class="count">${plural(p.songCount, 'song')}</span></button></li>`,
        )}
      </ul>
      <form @submit=${this._onCreate}>
        <input name="name" data-testid="new-playlist-name" aria-label="New playlist name" placeholder="New playlist"
          maxlength="200" required />
        <button class="btn btn-primary" type="submit" data-testid="create-playlist" ?disabled=${!this.online || this._busy}>
          ${iconPlus()}<span>Create</span></button>
      </form>
    </section>`;
  }

  private async _load(): Promise<void> {
    try {
      this._playlists = (await fetchPlaylists()).items;
    } catch {
      this._playlists = [];
    }
  }

  private async _addTo(summary: PlaylistSummary): Promise<void> {
    const songs = this.songs ?? [];
    await this._do(async () => {
      const playlist = await fetchPlaylist(summary.id);
      await updatePlaylist(summary.id, {
        songIds: [...playlist.songIds, ...songs.map((s) => s.id)],
      });
      return `Added to ${summary.name}`;
    });
  }

  private async _onCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem(
      'name',
    ) as HTMLInputElement;
    const songs = this.songs ?? [];
    await this._do(async () => {
      const playlist = await createPlaylist(
        input.value.trim(),
        songs.map((s) => s.id),
      );
      input.value = '';
      return `Added to ${playlist.name}`;
    });
  }

  private async _do(task: () => Promise<string>): Promise<void> {
    this._busy = true;
    try {
      const message = await task();
      emit(this, 'toast-request', { message });
      this._close();
    } catch (error) {
      this._error = error instanceof ApiError ? error.message : 'Something went wrong.';
    } finally {
      this._busy = false;
    }
  }

  private _onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') this._close();
  }

  private _close(): void {
    emit(this, 'close-request');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-playlist-picker': TdPlaylistPicker;
  }
}
