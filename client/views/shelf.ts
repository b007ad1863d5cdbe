import { css, html, nothing, type TemplateResult } from 'lit';
import { phoneMedia } from '../styles/breakpoints.ts';
import { onCardHeartClick } from './card-heart.ts';

/** A titled horizontal row of cards (home, search), scrolling sideways on small screens. */
export function shelf(
  title: string,
  items: TemplateResult[],
  more?: { href: string; label: string },
) {
  if (items.length === 0) return nothing;
  return html`<section class="shelf" aria-label=${title}>
    <h2 class="section"><span>${title}</span>${more ? html`<a href=${more.href}>${more.label}</a>` : nothing}</h2>
    <div class="shelf-row" role="list" @click=${onCardHeartClick}>${items.map(
      (item) => html`<div class="card-box" role="listitem">${item}</div>`,
    )}</div>
  </section>`;
}

export const shelfStyles = css`
  .shelf-row {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: 168px;
    gap: 4px;
    overflow-x: auto;
    padding: 0 4px 0.5rem;
    scroll-snap-type: x proximity;
    scrollbar-width: thin;
  }
  .shelf-row > * {
    scroll-snap-align: start;
  }
  @media ${phoneMedia} {
    .shelf-row {
      grid-auto-columns: 140px;
    }
  }
`;
