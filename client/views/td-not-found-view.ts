import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ViewElement } from './view-element.ts';
import { emptyState } from './view-parts.ts';

/** Any address that is not one of ours. */
@customElement('td-not-found-view')
export class TdNotFoundView extends ViewElement {
  render() {
    return html`<div class="toolbar"><div class="heading"><h1 tabindex="-1">Page not found</h1></div></div>
      ${emptyState('There is nothing at this address', 'Use the navigation to find your music.')}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-not-found-view': TdNotFoundView;
  }
}
