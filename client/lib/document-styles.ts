import type { CSSResult } from 'lit';

const adopted = new WeakSet<CSSStyleSheet>();

/**
 * Adds `styles` to the document (once) for elements that render into the light DOM: sign-in and
 * password forms live there because password managers and autofill look for fields in the
 * document, not inside shadow roots. A constructed stylesheet, so the CSP needs no inline style.
 */
export function adoptDocumentStyles(styles: CSSResult): void {
  const sheet = styles.styleSheet;
  if (!sheet || adopted.has(sheet)) return;
  adopted.add(sheet);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
