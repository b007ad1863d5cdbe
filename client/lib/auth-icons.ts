import { html, type SVGTemplateResult, svg } from 'lit';

/** Icons only the account parts use (kept out of the first chunk's icons.ts). */
const stroke = (body: SVGTemplateResult) =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none"
    stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

export const iconKey = () =>
  stroke(
    svg`<circle cx="8" cy="15" r="4"/><path d="m10.8 12.2 8.7-8.7"/><path d="m16 7 3 3"/><path d="m14 9 2 2"/>`,
  );
export const iconUsers = () =>
  stroke(
    svg`<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20a6.5 6.5 0 0 1 13 0"/><path d="M16 4.6a3.5 3.5 0 0 1 0 6.8"/><path d="M18.5 14.2A6.5 6.5 0 0 1 21.5 20"/>`,
  );
export const iconSignOut = () =>
  stroke(
    svg`<path d="M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3"/><path d="M10 17l-5-5 5-5"/><path d="M5 12h11"/>`,
  );
export const iconCloseSmall = () => stroke(svg`<path d="M6 6l12 12"/><path d="M18 6 6 18"/>`);
