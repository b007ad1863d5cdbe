import { html, type SVGTemplateResult, svg } from 'lit';

/**
 * Inline SVG icons (24×24, currentColor). Decorative: the button that holds one carries the label.
 * Stroke icons share one wrapper; the transport icons are filled for weight. Fragments use `svg`
 * so their elements are created in the SVG namespace.
 */
const stroke = (body: SVGTemplateResult) =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none"
    stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;
const fill = (body: SVGTemplateResult) =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="currentColor">${body}</svg>`;

export const iconPlay = () =>
  fill(
    svg`<path d="M8 5.14v13.72a1 1 0 0 0 1.52.85l11-6.86a1 1 0 0 0 0-1.7l-11-6.86A1 1 0 0 0 8 5.14Z"/>`,
  );
export const iconPause = () =>
  fill(
    svg`<rect x="6" y="4.5" width="4" height="15" rx="1.2"/><rect x="14" y="4.5" width="4" height="15" rx="1.2"/>`,
  );
export const iconNext = () =>
  fill(
    svg`<path d="M5 6.2v11.6a.9.9 0 0 0 1.4.75l8.5-5.8a.9.9 0 0 0 0-1.5L6.4 5.45A.9.9 0 0 0 5 6.2Z"/><rect x="16.5" y="5" width="2.6" height="14" rx="1"/>`,
  );
export const iconPrevious = () =>
  fill(
    svg`<path d="M19 6.2v11.6a.9.9 0 0 1-1.4.75l-8.5-5.8a.9.9 0 0 1 0-1.5l8.5-5.8A.9.9 0 0 1 19 6.2Z"/><rect x="4.9" y="5" width="2.6" height="14" rx="1"/>`,
  );
export const iconVolume = () =>
  stroke(
    svg`<path d="M11 5 6 9H3v6h3l5 4V5Z"/><path d="M15.5 8.5a5 5 0 0 1 0 7"/><path d="M18.6 5.4a9.5 9.5 0 0 1 0 13.2"/>`,
  );
export const iconVolumeLow = () =>
  stroke(svg`<path d="M11 5 6 9H3v6h3l5 4V5Z"/><path d="M15.5 8.5a5 5 0 0 1 0 7"/>`);
export const iconMuted = () =>
  stroke(svg`<path d="M11 5 6 9H3v6h3l5 4V5Z"/><path d="m16 9 6 6"/><path d="m22 9-6 6"/>`);
export const iconQueue = () =>
  stroke(
    svg`<path d="M3 6h13"/><path d="M3 11h13"/><path d="M3 16h8"/><path d="M18 14v6"/><circle cx="16" cy="20" r="2"/><path d="M18 14l3-1"/>`,
  );
export const iconDownload = () => stroke(svg`<path d="M12 4v11M7 10l5 5 5-5M5 20h14"/>`);
export const iconCheckCircle = () =>
  fill(
    svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm4.7 7.7-5.5 5.5a1 1 0 0 1-1.4 0l-2.5-2.5a1 1 0 1 1 1.4-1.4l1.8 1.8 4.8-4.8a1 1 0 0 1 1.4 1.4Z"/>`,
  );
export const iconRemove = () =>
  stroke(
    svg`<path d="M4 7h16"/><path d="M10 11v6"/><path d="M14 11v6"/><path d="M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12"/><path d="M9 7V4h6v3"/>`,
  );
export const iconStop = () =>
  stroke(
    svg`<circle cx="12" cy="12" r="9"/><rect x="9" y="9" width="6" height="6" rx="1" fill="currentColor" stroke="none"/>`,
  );
export const iconStorage = () =>
  stroke(
    svg`<ellipse cx="12" cy="5.5" rx="8" ry="3"/><path d="M4 5.5v13c0 1.66 3.58 3 8 3s8-1.34 8-3v-13"/><path d="M4 12c0 1.66 3.58 3 8 3s8-1.34 8-3"/>`,
  );
export const iconInstall = () =>
  stroke(
    svg`<rect x="5" y="2.5" width="14" height="19" rx="2.5"/><path d="M12 7v7"/><path d="m9 11 3 3 3-3"/><path d="M10 18.5h4"/>`,
  );
export const iconShare = () =>
  stroke(
    svg`<path d="M12 3v12"/><path d="m8 7 4-4 4 4"/><path d="M6 11H5a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-8a1 1 0 0 0-1-1h-1"/>`,
  );
export const iconAddSquare = () =>
  stroke(
    svg`<rect x="3.5" y="3.5" width="17" height="17" rx="3"/><path d="M12 8v8"/><path d="M8 12h8"/>`,
  );
export const iconSearch = () =>
  stroke(svg`<circle cx="11" cy="11" r="7"/><path d="m20 20-3.5-3.5"/>`);
export const iconLink = () =>
  stroke(
    svg`<path d="M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1.2 1.2"/><path d="M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1.2-1.2"/>`,
  );
export const iconClose = () => stroke(svg`<path d="M6 6l12 12"/><path d="M18 6 6 18"/>`);
export const iconOffline = () =>
  stroke(
    svg`<path d="M2 8.8a15 15 0 0 1 4.2-2.6"/><path d="M10.7 5.1A15 15 0 0 1 22 8.8"/><path d="M5 12.9a10 10 0 0 1 5.2-2.8"/><path d="M16.8 11.3A10 10 0 0 1 19 12.9"/><path d="M8.5 16.4a5 5 0 0 1 7 0"/><path d="M12 20h.01"/><path d="m3 3 18 18"/>`,
  );
export const iconAlert = () =>
  stroke(svg`<circle cx="12" cy="12" r="9.5"/><path d="M12 7.5v5.5"/><path d="M12 16.5h.01"/>`);
export const iconRefresh = () =>
  stroke(
    svg`<path d="M20 11a8 8 0 0 0-14.3-4.9L4 8"/><path d="M4 3v5h5"/><path d="M4 13a8 8 0 0 0 14.3 4.9L20 16"/><path d="M20 21v-5h-5"/>`,
  );
export const iconMusic = () =>
  stroke(
    svg`<path d="M9 18V5l11-2v13"/><circle cx="6" cy="18" r="3"/><circle cx="17" cy="16" r="3"/>`,
  );

/* Navigation. */
export const iconHome = () =>
  stroke(
    svg`<path d="M3.5 10.5 12 3.5l8.5 7"/><path d="M5.5 9v10.5h13V9"/><path d="M10 19.5v-5h4v5"/>`,
  );
export const iconDisc = () =>
  stroke(
    svg`<circle cx="12" cy="12" r="9"/><circle cx="12" cy="12" r="2.5"/><path d="M12 5.5a6.5 6.5 0 0 1 6.5 6.5"/>`,
  );
export const iconArtist = () =>
  stroke(svg`<circle cx="12" cy="8" r="4"/><path d="M4.5 20.5a7.5 7.5 0 0 1 15 0"/>`);
export const iconTag = () =>
  stroke(
    svg`<path d="M3.5 12.3V4.5a1 1 0 0 1 1-1h7.8l8.2 8.2a1.4 1.4 0 0 1 0 2l-6.8 6.8a1.4 1.4 0 0 1-2 0Z"/><circle cx="8" cy="8" r="1.5"/>`,
  );
export const iconPlaylist = () =>
  stroke(
    svg`<path d="M3 6h12"/><path d="M3 11h12"/><path d="M3 16h7"/><path d="M16 19.5V13l5-1.5"/><circle cx="14" cy="19.5" r="2"/>`,
  );
export const iconHeart = () =>
  stroke(
    svg`<path d="M12 20.5s-8-4.6-8-10.6A4.6 4.6 0 0 1 12 7a4.6 4.6 0 0 1 8 2.9c0 6-8 10.6-8 10.6Z"/>`,
  );

/** The Tapedeck cassette, in the app's colours (used in the header and as a placeholder). */
export const logoCassette =
  () => html`<svg class="logo" viewBox="0 0 720 460" aria-hidden="true" focusable="false">
  <rect width="720" height="460" rx="52" fill="#fb923c"/>
  <path d="M130 460 170 350h380l40 110Z" fill="#e0702a"/>
  <rect x="50" y="45" width="620" height="280" rx="28" fill="#fff4e0"/>
  <rect x="50" y="80" width="620" height="24" fill="#c2410c"/>
  <rect x="170" y="135" width="380" height="150" rx="75" fill="#1b1b24"/>
  <circle cx="248" cy="210" r="52" fill="#fff4e0"/><circle cx="248" cy="210" r="22" fill="#1b1b24"/>
  <circle cx="472" cy="210" r="52" fill="#fff4e0"/><circle cx="472" cy="210" r="22" fill="#1b1b24"/>
  <circle cx="240" cy="412" r="16" fill="#1b1b24"/><circle cx="480" cy="412" r="16" fill="#1b1b24"/>
</svg>`;
