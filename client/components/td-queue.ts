import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { coverAt } from '../lib/cover-size.ts';
import { emit } from '../lib/events.ts';
import { formatTime } from '../lib/format.ts';
import { iconClose } from '../lib/icons.ts';
import type { Song } from '../lib/library-types.ts';
import { baseStyles, buttonStyles } from '../styles/shared.ts';
import { coverStyles, renderCover } from './cover.ts';

const MAX_SHOWN = 100;

/** The queue panel: the song playing and the ones coming up. Clicking one jumps to it. */
@customElement('td-queue')
export class TdQueue extends LitElement {
  static styles = [
    baseStyles,
    buttonStyles,
    coverStyles,
    css`
      :host {
        position: fixed;
        z-index: 25;
        right: 1rem;
        bottom: calc(var(--td-player-h) + var(--td-player-pad-bottom) + var(--td-below-player) + 0.75rem);
        width: min(24rem, calc(100vw - 2rem));
        max-height: min(34rem, calc(100dvh - var(--td-player-h) - var(--td-header-h) - 2rem));
        display: flex;
        flex-direction: column;
        border: 1px solid var(--td-border);
        border-radius: 16px;
        background: var(--td-surface);
        box-shadow: var(--td-shadow);
        overflow: hidden;
      }
      :host(:not([open])) {
        display: none;
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        padding: 0.6rem 0.5rem 0.4rem 1rem;
      }
      h2 {
        margin: 0;
        font-size: 1rem;
      }
      h3 {
        margin: 0.6rem 1rem 0.3rem;
        color: var(--td-muted);
        font-size: 0.75rem;
        text-transform: uppercase;
        letter-spacing: 0.06em;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0 0.4rem 0.5rem;
        overflow-y: auto;
      }
      .item {
        display: grid;
        grid-template-columns: 40px minmax(0, 1fr) auto;
        align-items: center;
        gap: 0.75rem;
        width: 100%;
        padding: 0.4rem 0.6rem;
        border-radius: 10px;
        text-align: left;
      }
      .item:hover {
        background: var(--td-hover);
      }
      .item.current {
        background: var(--td-accent-soft);
      }
      .item.current .title {
        color: var(--td-accent);
      }
      .cover {
        width: 40px;
        height: 40px;
        border-radius: 6px;
      }
      .text {
        display: flex;
        flex-direction: column;
        min-width: 0;
      }
      .title,
      .artist {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .title {
        font-weight: 600;
        font-size: 0.9rem;
      }
      .artist,
      .duration {
        color: var(--td-muted);
        font-size: 0.8rem;
      }
      .empty {
        margin: 0.5rem 1rem 1rem;
        color: var(--td-muted);
        font-size: 0.9rem;
      }
    `,
  ];

  @property({ type: Boolean, reflect: true }) open = false;
  @property({ attribute: false }) queue: readonly Song[] = [];
  /** Index of the current song in `queue`. */
  @property({ type: Number }) index = -1;

  protected updated(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open)
      this.renderRoot.querySelector<HTMLElement>('.close')?.focus();
  }

  render() {
    const current = this.queue[this.index];
    const upcoming = this.queue.slice(this.index + 1, this.index + 1 + MAX_SHOWN);
    const more = this.queue.length - (this.index + 1) - upcoming.length;
    return html`<section role="dialog" aria-label="Queue" @keydown=${this._onKeyDown}>
      <header><h2>Queue</h2>
        <button class="icon-button close" aria-label="Close queue" @click=${this._close}>${iconClose()}</button>
      </header>
      ${current ? html`<h3>Now playing</h3><ol>${this._item(current, this.index)}</ol>` : null}
      <h3>Next up</h3>
      ${
        upcoming.length > 0
          ? html`<ol data-testid="queue">${upcoming.map((song, i) => this._item(song, this.index + 1 + i))}</ol>`
          : html`<p class="empty">Nothing after this song. Play a song from the library to fill the queue.</p>`
      }
      ${more > 0 ? html`<p class="empty">and ${more} more</p>` : null}
    </section>`;
  }

  private _item(song: Song, index: number) {
    return html`<li>
      <button class="item ${index === this.index ? 'current' : ''}" data-testid="queue-item"
        aria-label="Play ${song.title} by ${song.artist}"
        @click=${() => emit(this, 'queue-jump-request', { index })}>
        ${renderCover(coverAt(song.coverUrl, 40), song.album ?? song.title)}
        <span class="text"><span class="title">${song.title}</span><span class="artist">${song.artist}</span></span>
        <span class="duration">${formatTime(song.duration)}</span>
      </button>
    </li>`;
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
    'td-queue': TdQueue;
  }
}
