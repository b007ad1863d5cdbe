import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { OfflineState } from '../../sw/protocol.ts';
import { emit } from '../lib/events.ts';
import { iconArtist, iconDisc, iconDownload, iconLink, iconRemove } from '../lib/icons.ts';
import { iconListAdd } from '../lib/icons-more.ts';
import type { Song } from '../lib/library-types.ts';
import { hrefs } from '../router/routes.ts';
import { baseStyles, buttonStyles } from '../styles/shared.ts';

const WIDTH = 232;

/**
 * A song's menu, opened from its row's "More" button at the button's corner: add to a playlist, go
 * to its album or artist, keep it on this device or remove it, copy a stream link (for other
 * players). ↑/↓ move, Escape or a click
 * elsewhere closes it.
 */
@customElement('td-song-menu')
export class TdSongMenu extends LitElement {
  static styles = [
    baseStyles,
    buttonStyles,
    css`
      :host {
        position: fixed;
        inset: 0;
        z-index: 40;
      }
      :host(:not([open])) {
        display: none;
      }
      .backdrop {
        position: fixed;
        inset: 0;
      }
      [role='menu'] {
        position: fixed;
        width: ${WIDTH}px;
        padding: 0.35rem;
        border: 1px solid var(--td-border);
        border-radius: 12px;
        background: var(--td-surface);
        box-shadow: var(--td-shadow);
      }
      .item {
        display: flex;
        align-items: center;
        gap: 0.7rem;
        width: 100%;
        min-height: 2.5rem;
        padding: 0 0.75rem;
        border-radius: 8px;
        color: var(--td-text);
        font-size: 0.92rem;
        text-align: left;
        text-decoration: none;
      }
      .item:hover,
      .item:focus-visible {
        background: var(--td-hover);
        outline: none;
      }
      .item[aria-disabled='true'] {
        opacity: 0.45;
        pointer-events: none;
      }
      .title {
        margin: 0.25rem 0.75rem 0.35rem;
        color: var(--td-muted);
        font-size: 0.8rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
    `,
  ];

  /** The song and where its button was; null closes the menu. */
  @property({ attribute: false }) target: { song: Song; x: number; y: number } | null = null;
  @property({ attribute: false }) offline: OfflineState | undefined;
  @property({ type: Boolean }) online = true;

  protected willUpdate(): void {
    this.toggleAttribute('open', this.target !== null);
  }

  protected updated(changed: PropertyValues<this>): void {
    if (changed.has('target') && this.target) this._items()[0]?.focus();
  }

  render() {
    const target = this.target;
    if (!target) return nothing;
    const { song } = target;
    const left = Math.max(8, Math.min(target.x - WIDTH, innerWidth - WIDTH - 8));
    const top = Math.min(target.y + 4, innerHeight - 240);
    const kept = this.offline?.status === 'complete' || this.offline?.downloading === true;
    const at = styleMap({ left: `${left}px`, top: `${Math.max(8, top)}px` });
    return html`<div class="backdrop" @pointerdown=${this._close}></div>
      <div role="menu" aria-label="More for ${song.title}" style=${at}
        @keydown=${this._onKeyDown} @click=${this._onClick}>
        <p class="title" aria-hidden="true">${song.title}</p>
        <button class="item" role="menuitem" data-testid="menu-add-to-playlist"
          @click=${() => emit(this, 'add-to-playlist-request', { songs: [song] })}>${iconListAdd()}Add to playlist…</button>
        ${song.albumId ? html`<a class="item" role="menuitem" href=${hrefs.album(song.albumId)}>${iconDisc()}Go to album</a>` : nothing}
        ${song.artistId ? html`<a class="item" role="menuitem" href=${hrefs.artist(song.artistId)}>${iconArtist()}Go to artist</a>` : nothing}
        ${
          kept
            ? html`<button class="item" role="menuitem" @click=${() => emit(this, 'remove-request', { id: song.id })}>${iconRemove()}Remove from this device</button>`
            : html`<button class="item" role="menuitem" aria-disabled=${String(!this.online)}
              @click=${() => emit(this, 'download-request', { song })}>${iconDownload()}Keep on this device</button>`
        }
        <button class="item" role="menuitem" data-testid="copy-link" aria-disabled=${String(!this.online)}
          title="A link that plays ${song.title} in other players"
          @click=${() => emit(this, 'copy-link-request', { song })}>${iconLink()}Copy stream link</button>
      </div>`;
  }

  private _items(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('.item:not([aria-disabled="true"])')];
  }

  /** Any item chosen closes the menu (links navigate through the router first). */
  private _onClick(event: Event): void {
    if ((event.target as Element).closest('.item')) this._close();
  }

  private _onKeyDown(event: KeyboardEvent): void {
    const items = this._items();
    const at = items.indexOf(this.renderRoot.querySelector<HTMLElement>(':focus') ?? items[0]!);
    if (event.key === 'Escape') this._close();
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Tab') this._close();
    else return;
    event.preventDefault();
  }

  private _close(): void {
    emit(this, 'close-request');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-song-menu': TdSongMenu;
  }
}
