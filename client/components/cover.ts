import { css, html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { iconMusic } from '../lib/icons.ts';

/**
 * Album art with a placeholder, as a template rather than an element: a library shows it on every
 * row, and one shadow root less per row is a good part of what a row costs to render. The
 * placeholder is a gradient whose hue comes from `seed` (album or title), so songs of one album
 * share a colour when the cover is missing or fails to load. Decorative. Size it with `.cover`.
 */
export function renderCover(src: string | null, seed: string, eager = false) {
  // With a picture coming, the gradient alone stands in: the note icon is a few SVG elements more
  // per row to style and lay out, for the moment before the picture arrives. A first-screen
  // (eager) picture is painted with the frame that shows it, not a frame or two after it.
  return html`<span class="cover"><span class="cover-placeholder" style=${styleMap({ '--hue': String(hueOf(seed)) })}
    >${src ? null : iconMusic()}</span>${
      src
        ? html`<img src=${src} alt="" loading=${eager ? 'eager' : 'lazy'}
          fetchpriority=${eager ? 'high' : 'auto'} decoding=${eager ? 'sync' : 'async'} @load=${showImage}
          @error=${hideImage} />`
        : null
    }</span>`;
}

export const coverStyles = css`
  .cover {
    display: block;
    position: relative;
    width: 48px;
    height: 48px;
    border-radius: 8px;
    overflow: hidden;
    background: var(--td-surface-2);
    flex: none;
  }
  .cover img,
  .cover-placeholder {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
  }
  .cover img {
    object-fit: cover;
  }
  .cover-placeholder {
    display: grid;
    place-items: center;
    color: rgb(255 255 255 / 0.8);
    background: linear-gradient(135deg, hsl(var(--hue) 62% 62%), hsl(calc(var(--hue) + 35) 55% 38%));
  }
  .cover-placeholder .icon {
    width: 42%;
    height: 42%;
  }
`;

/** A cover that failed shows the placeholder; the same element may get a working `src` later. */
function hideImage(event: Event): void {
  (event.currentTarget as HTMLImageElement).hidden = true;
}
function showImage(event: Event): void {
  (event.currentTarget as HTMLImageElement).hidden = false;
}

/** A stable hue 0–359 from a string (FNV-1a). */
function hueOf(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % 360;
}
