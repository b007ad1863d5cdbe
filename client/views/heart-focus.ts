import type { TdEvent } from '../lib/events.ts';

/** How long a removal may take (the PUT, then the list fetched again) before focus is left be. */
const WAIT_MS = 10_000;

/**
 * In a view that drops what loses its heart (favourites), keeps keyboard focus when the heart
 * taken off had it: once the item is gone, focus moves to the next item's heart in the same
 * section (a shelf of cards, the song list), or the previous one, or the view's heading when the
 * section has emptied. Call it from a `favourite-request` listener on the view, before the shell
 * acts on the request (the heart is still in place then).
 */
export function keepFocusOnUnheart(view: HTMLElement, event: TdEvent<'favourite-request'>): void {
  if (event.detail.on) return;
  const heart = event.composedPath()[0];
  if (!(heart instanceof HTMLElement) || deepActiveElement() !== heart) return;
  const next = neighbourOf(heart, view);
  if (!next) return;
  const itemOf = () =>
    heart.dataset.id ?? heart.closest<HTMLElement>('[data-song-id]')?.dataset.songId;
  const item = itemOf();
  const root = view.shadowRoot ?? view;
  const heading = () => root.querySelector<HTMLElement>('h1');
  const until = performance.now() + WAIT_MS;
  // The item leaves when the shell's update (a fetch, a render, the virtualizer's next frame) is
  // done, and a list fetched again may show placeholders first: no single event says when the
  // neighbour's heart is there, hence a check per frame, bounded.
  const check = () => {
    const active = deepActiveElement();
    if (active !== heart && active !== document.body && active !== null) return; // the user went on
    if (performance.now() > until) {
      if (!heart.isConnected) heading()?.focus();
      return;
    }
    if (heart.isConnected && itemOf() === item) {
      requestAnimationFrame(check);
      return;
    }
    const target = next.heart();
    if (target) target.focus();
    else if (next.sectionGone()) heading()?.focus();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

interface Neighbour {
  /** The neighbour's heart, if it is in the page now. */
  heart(): HTMLElement | null;
  /** The section has emptied (and left the page). */
  sectionGone(): boolean;
}

/** The item after (or else before) `heart`'s in its section, looked up when asked. */
function neighbourOf(heart: HTMLElement, view: HTMLElement): Neighbour | null {
  const root = view.shadowRoot ?? view;
  if (heart.matches('button.card-heart')) {
    const section = heart.closest('section');
    const hearts = [...(section ?? root).querySelectorAll('button.card-heart')];
    const at = hearts.indexOf(heart);
    const kind = heart.dataset.heart;
    const id = (hearts[at + 1] ?? hearts[at - 1]) as HTMLElement | undefined;
    const selector = `button.card-heart[data-heart="${kind}"][data-id="${CSS.escape(id?.dataset.id ?? '')}"]`;
    return {
      heart: () => (kind && id ? root.querySelector<HTMLElement>(selector) : null),
      sectionGone: () => !section?.isConnected,
    };
  }
  const row = heart.closest<HTMLElement>('[data-song-id]');
  const list = (heart.getRootNode() as ShadowRoot).host as
    | (HTMLElement & { items?: readonly ({ id: string } | undefined)[] })
    | undefined;
  if (!row || !list?.items) return null;
  const index = Number(row.dataset.index);
  const song = list.items[index + 1] ?? list.items[index - 1];
  const selector = `[data-song-id="${CSS.escape(song?.id ?? '')}"] [data-testid="favourite-song"]`;
  // The list may have been drawn anew: look it up in the view each time.
  const current = () => root.querySelector(list.localName);
  return {
    heart: () =>
      song ? (current()?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null) : null,
    sectionGone: () => !current(),
  };
}

/** The focused element, through open shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
