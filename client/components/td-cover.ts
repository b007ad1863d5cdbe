import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { iconMusic } from '../lib/icons.ts';
import { baseStyles } from '../styles/shared.ts';

/**
 * Album art with a placeholder: a gradient whose hue comes from `seed` (the album or title), so
 * songs of one album share a colour when the cover is missing or fails to load. Decorative.
 */
@customElement('td-cover')
export class TdCover extends LitElement {
  static styles = [
    baseStyles,
    css`
      :host {
        display: block;
        position: relative;
        width: 48px;
        height: 48px;
        border-radius: 8px;
        overflow: hidden;
        background: var(--td-surface-2);
        flex: none;
      }
      img,
      .placeholder {
        position: absolute;
        inset: 0;
        width: 100%;
        height: 100%;
      }
      img {
        object-fit: cover;
      }
      .placeholder {
        display: grid;
        place-items: center;
        color: rgb(255 255 255 / 0.8);
        background: linear-gradient(
          135deg,
          hsl(var(--hue) 62% 62%),
          hsl(calc(var(--hue) + 35) 55% 38%)
        );
      }
      .placeholder .icon {
        width: 42%;
        height: 42%;
      }
    `,
  ];

  /** Image URL; null or a failed load shows the placeholder. */
  @property() src: string | null = null;
  /** Text the placeholder colour is derived from. */
  @property() seed = '';

  @state() private _failed = false;

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) this._failed = false;
  }

  render() {
    const showImage = this.src && !this._failed;
    return html`
      <div class="placeholder" style="--hue: ${hueOf(this.seed)}">${iconMusic()}</div>
      ${
        showImage
          ? html`<img src=${this.src} alt="" loading="lazy" decoding="async" @error=${this._onError} />`
          : null
      }
    `;
  }

  private _onError(): void {
    this._failed = true;
  }
}

/** A stable hue 0–359 from a string (FNV-1a). */
function hueOf(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % 360;
}

declare global {
  interface HTMLElementTagNameMap {
    'td-cover': TdCover;
  }
}
