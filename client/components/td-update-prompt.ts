import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../lib/events.ts';
import { iconRefresh } from '../lib/icons.ts';
import { phoneMedia } from '../styles/breakpoints.ts';
import { baseStyles, buttonStyles } from '../styles/shared.ts';

/** "A new version is ready" card. Update emits `update-request`; Later emits `close-request`. */
@customElement('td-update-prompt')
export class TdUpdatePrompt extends LitElement {
  static styles = [
    baseStyles,
    buttonStyles,
    css`
      :host {
        position: fixed;
        z-index: 40;
        left: 1rem;
        bottom: calc(var(--td-player-h) + var(--td-player-pad-bottom) + var(--td-below-player) + 1rem);
        width: min(22rem, calc(100vw - 2rem));
      }
      :host(:not([open])) {
        display: none;
      }
      /* Phones: under the header, clear of the toasts above the player bar. */
      @media ${phoneMedia} {
        :host {
          left: 0.75rem;
          right: 0.75rem;
          width: auto;
          bottom: auto;
          top: calc(var(--td-header-h) + env(safe-area-inset-top) + 0.5rem);
        }
      }
      .card {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.2rem 0.8rem;
        padding: 1rem 1rem 0.85rem;
        border: 1px solid var(--td-border);
        border-radius: 16px;
        background: var(--td-surface);
        box-shadow: var(--td-shadow);
        animation: rise 0.25s ease-out;
      }
      .card > .icon {
        grid-row: span 2;
        color: var(--td-accent);
        margin-top: 0.1rem;
      }
      strong {
        font-size: 0.95rem;
      }
      p {
        margin: 0;
        color: var(--td-muted);
        font-size: 0.88rem;
        line-height: 1.4;
      }
      .actions {
        grid-column: 2;
        display: flex;
        justify-content: flex-end;
        gap: 0.5rem;
        margin-top: 0.6rem;
      }
      @keyframes rise {
        from {
          opacity: 0;
          transform: translateY(8px);
        }
      }
    `,
  ];

  /** Show the card (a new version is waiting). */
  @property({ type: Boolean, reflect: true }) open = false;
  /** The update was accepted and the page is about to reload. */
  @property({ type: Boolean }) updating = false;

  render() {
    return html`<div class="card" role="status" aria-live="polite">
      ${iconRefresh()}
      <strong>A new version is ready</strong>
      <p>Reload to switch to it. Your offline songs stay on this device.</p>
      <div class="actions">
        <button class="btn btn-quiet" @click=${() => emit(this, 'close-request')}>Later</button>
        <button class="btn btn-primary" data-testid="update-button" ?disabled=${this.updating}
          @click=${() => emit(this, 'update-request')}>${this.updating ? 'Updating…' : 'Update'}</button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-update-prompt': TdUpdatePrompt;
  }
}
