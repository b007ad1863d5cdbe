import { unsafeCSS } from 'lit';

/**
 * The phone layout's condition, in one place for CSS (`@media ${phoneMedia}`) and for script
 * (`matchMedia(PHONE_QUERY)`): what a script lays out (a list's row height, a cover's size) is
 * then what the CSS draws.
 */
export const PHONE_QUERY = '(max-width: 640px)';
export const phoneMedia = unsafeCSS(PHONE_QUERY);
