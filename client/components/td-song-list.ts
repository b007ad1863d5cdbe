import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { playableSongs, unavailableReason } from '../lib/availability.ts';
import { emit, type TdEvent } from '../lib/events.ts';
import type { Song } from '../lib/library-types.ts';
import { PHONE_QUERY } from '../styles/breakpoints.ts';
import { baseStyles, buttonStyles } from '../styles/shared.ts';
import { isFavourite, type ViewContext } from '../views/view-context.ts';
import { coverStyles } from './cover.ts';
import { editableRow, editableRowStyles } from './editable-row.ts';
import { ghostRowStyles, renderGhostRow } from './ghost-row.ts';
import { RowBudget } from './row-budget.ts';
import { ROW_PHONE_PX, ROW_PX } from './song-row.styles.ts';
import { renderSongRow, type SongRowState, songRowStyles } from './song-row.ts';
import { rowLayout } from './virtual-layouts.ts';

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
    coverStyles,
    songRowStyles,
    editableRowStyles,
    ghostRowStyles,
    css`
      :host {
        display: block;
      }
      .list {
        display: block;
        min-height: 64px;
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

  /** The list's width: rows are laid out at a fixed height across it (see `_layout`). */
  @state() private _width = 0;
  private readonly _resize = new ResizeObserver(([entry]) => {
    const width = Math.floor(entry?.contentRect.width ?? 0);
    if (width !== this._width) this._width = width;
  });
  /**
   * Phone rows are shorter. Decided by the same media query as the rows' CSS, not by the list's
   * width: a list under 640 px in a wider viewport (641–656 px) got phone cells for desktop rows.
   */
  private readonly _phoneQuery = matchMedia(PHONE_QUERY);
  @state() private _phone = this._phoneQuery.matches;
  private readonly _onPhone = () => {
    this._phone = this._phoneQuery.matches;
  };
  private _layoutFor: {
    width: number;
    phone: boolean;
    layout: ReturnType<typeof rowLayout>;
  } | null = null;
  private readonly _budget = new RowBudget(this);

  connectedCallback(): void {
    super.connectedCallback();
    this._resize.observe(this);
    this._phoneQuery.addEventListener('change', this._onPhone);
    this._onPhone();
  }
  disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize.disconnect();
    this._phoneQuery.removeEventListener('change', this._onPhone);
  }

  protected willUpdate(): void {
    if (this._width === 0) this._width = Math.floor(this.clientWidth);
  }

  render() {
    const total = this.items.length;
    // Not laid out yet: a layout for no width would put every song in one row.
    if (this._width === 0) return html`<div class="list"></div>`;
    const key = (song: Song | undefined, index: number) =>
      song && !this.repeats ? song.id : `${index}:${song?.id}`;
    return html`<div class="list" role="list" aria-label="Songs" @rangeChanged=${this._onRange}
      @visibilityChanged=${this._onVisible} @play-song-request=${this._onPlay}>
      ${virtualize({
        items: this.items as (Song | undefined)[],
        layout: this._layout(),
        keyFunction: key,
        renderItem: (song, index) =>
          song && (this.editable || this._budget.admit(key(song, index), index))
            ? this._row(song, index, total)
            : renderGhostRow(index, total),
      })}
    </div>`;
  }

  /**
   * Every row has the same height, so the list is a one-column grid of fixed-size cells: the
   * virtualizer places rows by arithmetic instead of measuring each one as it appears (which, on a
   * fast scroll through 100 000 songs, cost more than drawing them).
   */
  private _layout() {
    const { _width: width, _phone: phone } = this;
    if (this._layoutFor?.width !== width || this._layoutFor.phone !== phone) {
      this._layoutFor = { width, phone, layout: rowLayout(width, phone ? ROW_PHONE_PX : ROW_PX) };
    }
    return this._layoutFor.layout;
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
    const state: SongRowState = {
      offline,
      unavailable: unavailableReason(song, ctx),
      online: ctx.online,
      current,
      playing: current && ctx.playing,
      favourite: isFavourite(ctx, 'songs', song.id, song.favourite),
      hideAlbum: this.hideAlbum,
      index,
      setSize: total,
      nested: editing,
    };
    if (editing) return editableRow(this, index, total, song, renderSongRow(song, state));
    // A page arriving or the player's state re-renders the list: rows whose song and state are
    // the same are left as they are.
    return html`${guard([song, ...Object.values(state)], () => renderSongRow(song, state))}`;
  }

  private _onRange(event: Event): void {
    const { first, last } = event as Event & { first: number; last: number };
    this._budget.range(first, last);
    emit(this, 'range-change', { first, last });
  }

  private _onVisible(event: Event): void {
    const { first, last } = event as Event & { first: number; last: number };
    this._budget.visible(first, last);
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
      .find((el) => el instanceof HTMLElement && el.dataset.testid === 'song-row');
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
