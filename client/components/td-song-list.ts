import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { playableSongs, unavailableReason } from '../lib/availability.ts';
import { emit, type TdEvent } from '../lib/events.ts';
import type { Song } from '../lib/library-types.ts';
import { baseStyles, buttonStyles } from '../styles/shared.ts';
import { isFavourite, type ViewContext } from '../views/view-context.ts';
import { editableRow, editableRowStyles } from './editable-row.ts';
import './td-song-row.ts';

/**
 * A virtualised list of song rows: only the rows on screen (and a few around) are in the page,
 * whether the list holds ten songs or a hundred thousand. `items` has a slot per song; an
 * `undefined` slot (its page not fetched yet) shows a placeholder row. Reports the range on screen
 * (`range-change`) so the view can fetch it, and turns a row's play request into a queue of the
 * loaded songs that can play now.
 */
@customElement('td-song-list')
export class TdSongList extends LitElement {
  static styles = [
    baseStyles,
    buttonStyles,
    editableRowStyles,
    css`
      :host {
        display: block;
      }
      .list {
        display: block;
        min-height: 64px;
      }
      .list > * {
        margin-bottom: 2px;
      }
      .ghost {
        display: flex;
        align-items: center;
        gap: 1rem;
        width: 100%;
        height: 64px;
        padding: 8px 12px;
      }
      .ghost i,
      .ghost b {
        display: block;
        border-radius: 8px;
        background: var(--td-surface-2);
      }
      .ghost i {
        width: 48px;
        height: 48px;
      }
      .ghost b {
        width: min(22rem, 50%);
        height: 14px;
      }
    `,
  ];

  @property({ attribute: false }) items: readonly (Song | undefined)[] = [];
  @property({ attribute: false }) ctx!: ViewContext;
  /** All rows belong to one album: no album column. */
  @property({ type: Boolean, attribute: 'hide-album' }) hideAlbum = false;
  /** Rows may repeat a song (a playlist): keyed by position, not id. */
  @property({ type: Boolean }) repeats = false;
  /** Rows can be reordered and removed (a playlist being edited). */
  @property({ type: Boolean }) editable = false;

  render() {
    const total = this.items.length;
    return html`<div class="list" role="list" aria-label="Songs" @rangeChanged=${this._onRange}
      @play-song-request=${this._onPlay}>
      ${virtualize({
        items: this.items as (Song | undefined)[],
        keyFunction: (song, index) => (song && !this.repeats ? song.id : `${index}:${song?.id}`),
        renderItem: (song, index) =>
          song
            ? this._row(song, index, total)
            : html`<div class="ghost" role="listitem"
            aria-posinset=${index + 1} aria-setsize=${total} aria-label="Loading"><i></i><b></b></div>`,
      })}
    </div>`;
  }

  /** After a keyboard move, keep focus on the moved song's handle (its row is a new element). */
  async focusHandle(index: number): Promise<void> {
    await this.updateComplete;
    await new Promise(requestAnimationFrame); // the virtualizer renders its children a frame later
    this.renderRoot.querySelector<HTMLElement>(`.edit-row[data-index="${index}"] .handle`)?.focus();
  }

  private _row(song: Song, index: number, total: number) {
    const ctx = this.ctx;
    const offline = ctx.states.get(song.id);
    const current = song.id === ctx.currentId;
    const editing = this.editable;
    const row = html`<td-song-row role=${editing ? 'none' : 'listitem'} aria-posinset=${editing ? nothing : index + 1}
      aria-setsize=${editing ? nothing : total} data-index=${index} .song=${song} .offline=${offline} .unavailable=${unavailableReason(song, ctx)}
      .online=${ctx.online} ?current=${current} .playing=${current && ctx.playing}
      .favourite=${isFavourite(ctx, 'songs', song.id, song.favourite)} ?hide-album=${this.hideAlbum}></td-song-row>`;
    return editing ? editableRow(this, index, total, song, row) : row;
  }

  private _onRange(event: Event): void {
    const { first, last } = event as Event & { first: number; last: number };
    emit(this, 'range-change', { first, last });
  }

  /** Play on from the song asked for, through the loaded songs of this list that can play. */
  private _onPlay(event: TdEvent<'play-song-request'>): void {
    if (event.detail.queue) return;
    event.stopPropagation();
    if (event.detail.song.id === this.ctx.currentId) {
      emit(this, this.ctx.playing ? 'pause-request' : 'play-request'); // the row of the song loaded
      return;
    }
    const row = event
      .composedPath()
      .find((el) => el instanceof HTMLElement && el.localName === 'td-song-row');
    const at = Number((row as HTMLElement | undefined)?.dataset.index ?? -1);
    const songs = playableSongs(this.items, this.ctx);
    // The same song may be listed twice (a playlist): start from the row that was clicked.
    const before = playableSongs(this.items.slice(0, Math.max(0, at)), this.ctx).length;
    const index =
      songs[before]?.id === event.detail.song.id ? before : songs.indexOf(event.detail.song);
    emit(this, 'play-list-request', { songs, index: Math.max(0, index) });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-song-list': TdSongList;
  }
}
