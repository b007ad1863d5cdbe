import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { iconAlert, iconCheckCircle, iconOffline } from '../lib/icons.ts';
import { baseStyles } from '../styles/shared.ts';

export type ToastTone = 'info' | 'success' | 'error' | 'offline';

export interface ToastOptions {
  /** A toast with the same key replaces this one (default: the message). */
  key?: string;
  /** How long it stays (default 4 s, errors 7 s). */
  ms?: number;
}

interface Toast {
  id: number;
  key: string;
  message: string;
  tone: ToastTone;
}

const MAX_TOASTS = 3;

/** Short notices above the player bar ("Ready to work offline", download errors). */
@customElement('td-toasts')
export class TdToasts extends LitElement {
  static styles = [
    baseStyles,
    css`
      :host {
        position: fixed;
        z-index: 50;
        left: 50%;
        bottom: calc(var(--td-player-h) + var(--td-player-pad-bottom) + var(--td-below-player) + 1rem);
        transform: translateX(-50%);
        width: max-content;
        max-width: calc(100vw - 2rem);
        pointer-events: none;
      }
      .stack {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 0.5rem;
      }
      .toast {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        padding: 0.65rem 1rem;
        border-radius: 12px;
        background: var(--td-text);
        color: var(--td-bg);
        box-shadow: var(--td-shadow);
        font-size: 0.9rem;
        line-height: 1.35;
        animation: pop 0.2s ease-out;
      }
      .toast .icon {
        width: 1.1rem;
        height: 1.1rem;
      }
      .success .icon {
        color: var(--td-success);
        filter: brightness(0.9);
      }
      .error .icon {
        color: #f87171;
      }
      @keyframes pop {
        from {
          opacity: 0;
          transform: translateY(6px) scale(0.98);
        }
      }
    `,
  ];

  @state() private _toasts: Toast[] = [];
  private _nextId = 1;

  /**
   * Show `message` for `ms` milliseconds (errors stay longer). A toast with the same `key` is
   * replaced, so "offline" then "back online" never stack.
   */
  show(message: string, tone: ToastTone = 'info', options: ToastOptions = {}): void {
    const { key = message, ms = tone === 'error' ? 7000 : 4000 } = options;
    const toast = { id: this._nextId++, key, message, tone };
    this._toasts = [...this._toasts.filter((t) => t.key !== key), toast].slice(-MAX_TOASTS);
    setTimeout(() => {
      this._toasts = this._toasts.filter((t) => t.id !== toast.id);
    }, ms);
  }

  render() {
    return html`<div class="stack" role="status" aria-live="polite">
      ${repeat(
        this._toasts,
        (t) => t.id,
        (t) =>
          html`<div class="toast ${t.tone}">${toneIcon(t.tone)}<span>${t.message}</span></div>`,
      )}
    </div>`;
  }
}

function toneIcon(tone: ToastTone) {
  if (tone === 'success') return iconCheckCircle();
  if (tone === 'error') return iconAlert();
  if (tone === 'offline') return iconOffline();
  return null;
}

declare global {
  interface HTMLElementTagNameMap {
    'td-toasts': TdToasts;
  }
}
