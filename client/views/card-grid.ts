import { grid } from '@lit-labs/virtualizer/layouts/grid.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { css, html, type TemplateResult } from 'lit';
import { CARD_PX, ghostCard } from './cards.ts';

const layout = grid({
  itemSize: { width: `${CARD_PX}px`, height: `${CARD_PX + 58}px` },
  gap: '8px',
  flex: { preserve: 'aspect-ratio' },
  justify: 'start',
});
const phoneLayout = grid({
  itemSize: { width: '150px', height: '196px' },
  gap: '4px',
  flex: { preserve: 'aspect-ratio' },
  justify: 'start',
});

/**
 * A virtualised grid of cards (albums, artists): only the rows of cards on screen are in the page,
 * however many there are. `undefined` items (not fetched yet) show a placeholder card. Reports the
 * range on screen through `onRange` so the view fetches it.
 */
export function cardGrid<T>(
  items: readonly (T | undefined)[],
  renderCard: (item: T) => TemplateResult,
  onRange: (first: number, last: number) => void,
  label: string,
) {
  const phone = globalThis.matchMedia?.('(max-width: 640px)').matches ?? false;
  const onRangeChanged = (event: Event) => {
    const { first, last } = event as Event & { first: number; last: number };
    onRange(first, last);
  };
  return html`<div class="grid" role="list" aria-label=${label} @rangeChanged=${onRangeChanged}>
    ${virtualize({
      items: items as (T | undefined)[],
      layout: phone ? phoneLayout : layout,
      keyFunction: (_item, index) => index,
      renderItem: (item) =>
        html`<div class="cell" role="listitem">${item === undefined ? ghostCard() : renderCard(item)}</div>`,
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
