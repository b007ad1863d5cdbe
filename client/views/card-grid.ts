import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { css, html, type TemplateResult } from 'lit';
import { cardLayout } from '../components/virtual-layouts.ts';
import { PHONE_QUERY } from '../styles/breakpoints.ts';
import { onCardHeartClick } from './card-heart.ts';
import { CARD_PX, type CardOptions, EAGER_CARDS, ghostCard } from './cards.ts';

const layout = cardLayout(CARD_PX, CARD_PX + 58, 8);
const phoneLayout = cardLayout(150, 196, 4);

/**
 * A virtualised grid of cards (albums, artists): only the rows of cards on screen are in the page,
 * however many there are. `undefined` items (not fetched yet) show a placeholder card. Reports the
 * range on screen through `onRange` so the view fetches it.
 */
export function cardGrid<T>(
  items: readonly (T | undefined)[],
  renderCard: (item: T, options: CardOptions) => TemplateResult,
  onRange: (first: number, last: number) => void,
  label: string,
) {
  const phone = globalThis.matchMedia?.(PHONE_QUERY).matches ?? false;
  const onRangeChanged = (event: Event) => {
    const { first, last } = event as Event & { first: number; last: number };
    onRange(first, last);
  };
  return html`<div class="grid" role="list" aria-label=${label} @rangeChanged=${onRangeChanged}
    @click=${onCardHeartClick}>
    ${virtualize({
      items: items as (T | undefined)[],
      layout: phone ? phoneLayout : layout,
      keyFunction: (_item, index) => index,
      renderItem: (item, index) =>
        html`<div class="cell card-box" role="listitem">${
          item === undefined ? ghostCard() : renderCard(item, { eager: index < EAGER_CARDS })
        }</div>`,
    })}
  </div>`;
}

export const cardGridStyles = css`
  .grid {
    display: block;
    margin: 0 4px;
    min-height: 240px;
  }
  .cell {
    display: flex;
  }
  .cell > .card {
    flex: 1;
  }
`;
