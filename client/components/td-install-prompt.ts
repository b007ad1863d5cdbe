import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { iconAddSquare, iconInstall, iconShare } from '../lib/icons.ts';
import { phoneMedia } from '../styles/breakpoints.ts';
import { baseStyles, buttonStyles } from '../styles/shared.ts';

/** Chromium's install event (not in the DOM typings). */
interface BeforeInstallPromptEvent extends Event {
  prompt?: () => Promise<void>;
  userChoice?: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/**
 * "Install" in the header: uses `beforeinstallprompt` where the browser offers it; on iOS, where it
 * does not exist, explains Share → Add to Home Screen. Hidden once running as an installed app.
 */
@customElement('td-install-prompt')
export class TdInstallPrompt extends LitElement {
  static styles = [
    baseStyles,
    buttonStyles,
    css`
      :host {
        position: relative;
        display: block;
      }
      .help {
        position: absolute;
        right: 0;
        top: calc(100% + 0.5rem);
        z-index: 30;
        width: min(18rem, calc(100vw - 1.5rem));
        padding: 1rem 1.1rem;
        border: 1px solid var(--td-border);
        border-radius: var(--td-radius);
        background: var(--td-surface);
        box-shadow: var(--td-shadow);
        font-size: 0.9rem;
        line-height: 1.5;
      }
      .help p {
        margin: 0 0 0.5rem;
        font-weight: 600;
      }
      .help ol {
        margin: 0;
        padding-left: 1.2rem;
      }
      .help .icon {
        display: inline-block;
        width: 1.05rem;
        height: 1.05rem;
        vertical-align: -0.2rem;
        color: var(--td-accent);
      }
      @media ${phoneMedia} {
        .label {
          display: none;
        }
        .btn {
          padding: 0 0.6rem;
        }
      }
    `,
  ];

  @state() private _deferred: BeforeInstallPromptEvent | null = null;
  /** Running as an installed app: asked only once there is something to offer (the first use of
   * matchMedia is slow, and start-up does not need the answer). */
  private _standalone: boolean | undefined;
  @state() private _helpOpen = false;
  private readonly _ios = isIos();
  private readonly _onBeforeInstall = (event: Event) => {
    event.preventDefault(); // keep the browser's mini-infobar away; our button offers it
    this._deferred = event as BeforeInstallPromptEvent;
  };
  private readonly _onOutside = (event: Event) => {
    if (this._helpOpen && !event.composedPath().includes(this)) this._helpOpen = false;
  };
  private readonly _onInstalled = () => {
    this._deferred = null;
    this._standalone = true;
  };

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeinstallprompt', this._onBeforeInstall);
    window.addEventListener('appinstalled', this._onInstalled);
    window.addEventListener('pointerdown', this._onOutside);
  }
  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeinstallprompt', this._onBeforeInstall);
    window.removeEventListener('appinstalled', this._onInstalled);
    window.removeEventListener('pointerdown', this._onOutside);
  }

  render() {
    if (!this._deferred && !this._ios) return null;
    this._standalone ??= isStandalone();
    if (this._standalone) return null;
    return html`
      <button class="btn btn-quiet" data-testid="install-button" aria-label="Install Tapedeck"
        aria-expanded=${this._deferred ? nothing : String(this._helpOpen)} @click=${this._onClick}>
        ${iconInstall()}<span class="label">Install</span>
      </button>
      ${
        this._helpOpen
          ? html`<div class="help" role="note" @keydown=${this._onHelpKey}>
            <p>Install Tapedeck on this device</p>
            <ol>
              <li>Tap ${iconShare()} <strong>Share</strong> in Safari’s toolbar.</li>
              <li>Choose ${iconAddSquare()} <strong>Add to Home Screen</strong>.</li>
            </ol>
          </div>`
          : null
      }
    `;
  }

  private async _onClick(): Promise<void> {
    const deferred = this._deferred;
    if (!deferred) {
      this._helpOpen = !this._helpOpen;
      return;
    }
    // A prompt can be shown once; the browser fires a new event if the app can be offered again.
    this._deferred = null;
    await deferred.prompt?.();
    const choice = await deferred.userChoice?.catch(() => null);
    if (choice?.outcome === 'accepted') this._standalone = true;
    this.requestUpdate();
  }

  private _onHelpKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') this._helpOpen = false;
  }
}

function isStandalone(): boolean {
  const nav = navigator as Navigator & { standalone?: boolean };
  return matchMedia('(display-mode: standalone)').matches || nav.standalone === true;
}

/** iPhone, iPod, or an iPad (which reports itself as a Mac with touch). */
function isIos(): boolean {
  const ua = navigator.userAgent;
  return /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
}

declare global {
  interface HTMLElementTagNameMap {
    'td-install-prompt': TdInstallPrompt;
  }
}
