import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { SessionController } from '../controllers/session.ts';
import { iconKey, iconSignOut, iconUsers } from '../lib/auth-icons.ts';
import { baseStyles, buttonStyles } from '../styles/shared.ts';
import { type AuthDialog, openAuthDialog } from './auth-dialogs.ts';
import { accountMenuStyles } from './td-account-menu.styles.ts';

/**
 * The header's account button and its menu: who is signed in, "Change password", "Manage
 * listeners" (admins: a link to the /admin view), and "Sign out", which asks first: it deletes this device's offline songs.
 */
@customElement('td-account-menu')
export class TdAccountMenu extends LitElement {
  static styles = [baseStyles, buttonStyles, accountMenuStyles];

  @property({ attribute: false }) session!: SessionController;
  @state() private _open = false;
  @state() private _confirming = false;
  @state() private _signingOut = false;
  @query('.account') private _button!: HTMLButtonElement;
  private readonly _onOutside = (event: Event) => {
    if (!event.composedPath().includes(this)) this._close(false);
  };

  disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this._onOutside);
  }

  protected updated(changed: PropertyValues<this>): void {
    if (!changed.has('_open' as keyof TdAccountMenu)) return;
    if (this._open) {
      document.addEventListener('pointerdown', this._onOutside);
      this.renderRoot.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    } else document.removeEventListener('pointerdown', this._onOutside);
  }

  render() {
    const user = this.session.user;
    if (!user) return nothing;
    return html`<button class="account" data-testid="account-button" aria-haspopup="menu"
        aria-expanded=${String(this._open)} aria-label="Account: ${user.username}"
        title=${user.username} @click=${() => (this._open ? this._close(true) : this._show())}>
        <span class="initial" aria-hidden="true">${[...user.username][0]?.toUpperCase()}</span>
      </button>
      ${this._open ? this._renderMenu(user.username, user.admin) : nothing}`;
  }

  private _renderMenu(username: string, admin: boolean) {
    return html`<div class="menu" role="menu" aria-label="Account" @keydown=${this._onKeydown}>
      <p class="who">Signed in as <strong>${username}</strong>${admin ? html` <span class="badge">Admin</span>` : nothing}${
        this.session.offline ? html`<br /><span class="muted">Offline</span>` : nothing
      }</p>
      ${
        this._confirming
          ? html`<div class="confirm" role="group" aria-label="Confirm signing out">
              <p>Sign out? The songs kept on this device for offline listening will be deleted.</p>
              <div class="buttons">
                <button class="btn btn-quiet" role="menuitem" @click=${() => (this._confirming = false)}>Cancel</button>
                <button class="btn btn-danger" role="menuitem" data-testid="sign-out-confirm"
                  ?disabled=${this._signingOut} @click=${this._onSignOut}>${this._signingOut ? 'Signing out…' : 'Sign out'}</button>
              </div>
            </div>`
          : html`<button class="item" role="menuitem" data-testid="change-password"
                ?disabled=${this.session.offline} @click=${() => this._dialog('td-change-password')}>
                ${iconKey()}<span>Change password</span></button>
              ${
                admin
                  ? html`<a class="item" role="menuitem" data-testid="manage-listeners" href="/admin"
                      @click=${() => this._close(false)}>${iconUsers()}<span>Manage listeners</span></a>`
                  : nothing
              }
              <button class="item" role="menuitem" data-testid="sign-out"
                @click=${() => (this._confirming = true)}>${iconSignOut()}<span>Sign out</span></button>`
      }
    </div>`;
  }

  private _show(): void {
    this._confirming = false;
    this._open = true;
  }
  private _close(focusButton: boolean): void {
    this._open = false;
    if (focusButton) this._button?.focus();
  }
  private _dialog(tag: AuthDialog): void {
    this._close(false);
    void openAuthDialog(tag, this.session);
  }
  private async _onSignOut(): Promise<void> {
    this._signingOut = true;
    await this.session.signOut();
  }
  /** Escape closes; arrows move between items. */
  private _onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this._close(true);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const items = [
      ...this.renderRoot.querySelectorAll<HTMLElement>('[role=menuitem]:not(:disabled)'),
    ];
    const at = items.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLElement);
    const next = (at + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
    items[next]?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-account-menu': TdAccountMenu;
  }
}
