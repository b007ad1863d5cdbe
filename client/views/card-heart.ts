import { css, html, unsafeCSS } from 'lit';
import type { FavouriteKind } from '../../api/user-library/types.ts';
import { emit } from '../lib/events.ts';

/**
 * The heart on an album or artist card: one `<button>` and nothing in it (the shape is drawn by
 * CSS), so a grid of hundreds of cards gains one element per card, and no listener: the grid or
 * shelf holding the cards listens once (`onCardHeartClick`). Keyboard and screen readers get a
 * real toggle button with its state in `aria-pressed`.
 */
export function cardHeart(kind: FavouriteKind, id: string, name: string, on: boolean) {
  return html`<button type="button" class="card-heart" data-testid="card-favourite" data-heart=${kind}
    data-id=${id} aria-pressed=${String(on)}
    aria-label=${on ? `Remove ${name} from favourites` : `Add ${name} to favourites`}></button>`;
}

/** One click listener for every heart under it (a grid, a shelf): asks the shell to toggle it. */
export function onCardHeartClick(event: Event): void {
  const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>(
    'button.card-heart',
  );
  const kind = button?.dataset.heart as FavouriteKind | undefined;
  const id = button?.dataset.id;
  if (!button || !kind || !id) return;
  emit(button, 'favourite-request', {
    kind,
    id,
    on: button.getAttribute('aria-pressed') !== 'true',
  });
}

/* Material Icons' "favorite" and "favorite_border" (Apache-2.0), on a 24 px box; our constants. */
const FILLED = unsafeCSS(
  "path('M12 21.35l-1.45-1.32C5.4 15.36 2 12.28 2 8.5 2 5.42 4.42 3 7.5 3c1.74 0 3.41.81 4.5 2.09C13.09 3.81 14.76 3 16.5 3 19.58 3 22 5.42 22 8.5c0 3.78-3.4 6.86-8.55 11.54L12 21.35z')",
);
const OUTLINE = unsafeCSS(
  "path(evenodd, 'M16.5 3c-1.74 0-3.41.81-4.5 2.09C10.91 3.81 9.24 3 7.5 3 4.42 3 2 5.42 2 8.5c0 3.78 3.4 6.86 8.55 11.54L12 21.35l1.45-1.32C18.6 15.36 22 12.28 22 8.5 22 5.42 19.58 3 16.5 3zm-4.4 15.55l-.1.1-.1-.1C7.14 14.24 4 11.39 4 8.5 4 6.5 5.5 5 7.5 5c1.54 0 3.04.99 3.57 2.36h1.87C13.46 5.99 14.96 5 16.5 5c2 0 3.5 1.5 3.5 3.5 0 2.89-3.14 5.74-7.9 10.05z')",
);

export const cardHeartStyles = css`
  .card-heart {
    position: absolute;
    top: 12px;
    right: 12px;
    display: grid;
    place-items: center;
    width: 36px;
    height: 36px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    color: var(--td-text);
    background: color-mix(in srgb, var(--td-surface) 88%, transparent);
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.25);
    cursor: pointer;
  }
  .card-heart::before {
    content: '';
    width: 24px;
    height: 24px;
    background: currentColor;
    clip-path: ${OUTLINE};
  }
  .card-heart[aria-pressed='true'] {
    color: var(--td-accent);
  }
  .card-heart[aria-pressed='true']::before {
    clip-path: ${FILLED};
  }
  .card-heart:hover {
    background: var(--td-surface);
    color: var(--td-accent);
  }
  .card-heart:focus-visible {
    outline: 2px solid var(--td-accent);
    outline-offset: 2px;
  }
`;
