import { html } from 'lit';
import { emit } from '../lib/events.ts';
import { iconPlay } from '../lib/icons.ts';
import { iconShuffle } from '../lib/icons-more.ts';
import { keptIndex } from './kept-index.ts';
import type { ViewContext } from './view-context.ts';

/** Play and Shuffle for a whole list (an album, an artist, a playlist, every song). */
export function playButtons(enabled: boolean, play: (shuffle: boolean) => void) {
  return html`<button class="btn btn-primary" data-testid="play-all" ?disabled=${!enabled}
      @click=${() => play(false)}>${iconPlay()}<span>Play</span></button>
    <button class="btn btn-quiet" data-testid="shuffle" ?disabled=${!enabled}
      @click=${() => play(true)}>${iconShuffle()}<span>Shuffle</span></button>`;
}

/** A sort select bound to the URL's `sort` (the shell changes the query in place). */
export function sortSelect<S extends string>(
  host: HTMLElement,
  label: string,
  options: Record<S, string>,
  current: S,
) {
  const onChange = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    emit(host, 'query-request', {
      changes: { sort: value === Object.keys(options)[0] ? null : value },
    });
  };
  return html`<select aria-label=${label} data-testid="sort" @change=${onChange}>
    ${Object.entries<string>(options).map(
      ([value, text]) =>
        html`<option value=${value} ?selected=${value === current}>${text}</option>`,
    )}
  </select>`;
}

/** Changes whenever what this device keeps changes: part of a local list's key. */
export function keptSignature(ctx: ViewContext): string {
  const kept = keptIndex(ctx);
  let complete = 0;
  for (const state of ctx.states.values()) if (state.status === 'complete') complete++;
  return `${complete}/${ctx.offlineSongs.size}/${kept.albums.size}`;
}
