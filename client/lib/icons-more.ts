import { html, type SVGTemplateResult, svg } from 'lit';

/** Icons only the lazily loaded views and dialogs use, so they ship with them (see icons.ts). */
const stroke = (body: SVGTemplateResult) =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none"
    stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

export const iconHeartFilled = () =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="currentColor"
    stroke="currentColor" stroke-width="2" stroke-linejoin="round"><path d="M12 20.5s-8-4.6-8-10.6A4.6 4.6 0 0 1 12 7a4.6 4.6 0 0 1 8 2.9c0 6-8 10.6-8 10.6Z"/></svg>`;
export const iconMore = () =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="currentColor"><path d="M3.2 12a1.8 1.8 0 1 0 3.6 0 1.8 1.8 0 1 0-3.6 0M10.2 12a1.8 1.8 0 1 0 3.6 0 1.8 1.8 0 1 0-3.6 0M17.2 12a1.8 1.8 0 1 0 3.6 0 1.8 1.8 0 1 0-3.6 0"/></svg>`;
export const iconShuffle = () =>
  stroke(
    svg`<path d="M3 7h3.5c3 0 4.5 10 7.5 10H21"/><path d="M3 17h3.5c1.3 0 2.3-1.8 3.1-4"/><path d="M13.4 10.5C14.2 8.6 15.2 7 16.5 7H21"/><path d="m18 4 3 3-3 3"/><path d="m18 14 3 3-3 3"/>`,
  );
export const iconPlus = () => stroke(svg`<path d="M12 5v14"/><path d="M5 12h14"/>`);
export const iconListAdd = () =>
  stroke(
    svg`<path d="M3 6h12"/><path d="M3 11h12"/><path d="M3 16h7"/><path d="M18 13v8"/><path d="M14 17h8"/>`,
  );
export const iconDrag = () =>
  stroke(
    svg`<circle cx="9" cy="6" r=".8"/><circle cx="15" cy="6" r=".8"/><circle cx="9" cy="12" r=".8"/><circle cx="15" cy="12" r=".8"/><circle cx="9" cy="18" r=".8"/><circle cx="15" cy="18" r=".8"/>`,
  );
export const iconEdit = () =>
  stroke(svg`<path d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16Z"/><path d="m13.5 6.5 4 4"/>`);
export const iconUp = () => stroke(svg`<path d="m6 14 6-6 6 6"/>`);
export const iconDown = () => stroke(svg`<path d="m6 10 6 6 6-6"/>`);
export const iconBack = () => stroke(svg`<path d="m15 5-7 7 7 7"/>`);
export const iconChevron = () => stroke(svg`<path d="m9 5 7 7-7 7"/>`);
export const iconResume = () =>
  stroke(
    svg`<path d="M4 12a8 8 0 1 0 2.3-5.7"/><path d="M4 4v4.5h4.5"/><path d="m10.5 9 4.5 3-4.5 3Z"/>`,
  );
