import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SessionController } from '../controllers/session.ts';
import { iconCloseSmall } from '../lib/auth-icons.ts';
import { adoptDocumentStyles } from '../lib/document-styles.ts';
import { authDialogStyles } from '../styles/auth-dialogs.ts';
import { authFormStyles } from '../styles/auth-forms.ts';

const MIN_PASSWORD = 8;

/** "Change password": a modal dialog in the light DOM (password managers offer to update). */
@customElement('td-change-password')
export class TdChangePassword extends LitElement {
  @property({ attribute: false }) session!: SessionController;
  @state() private _error = '';
  @state() private _busy = false;
  @state() private _done = false;

  protected createRenderRoot() {
    adoptDocumentStyles(authFormStyles);
    adoptDocumentStyles(authDialogStyles);
    return this;
  }

  protected firstUpdated(): void {
    this.querySelector('dialog')?.showModal();
  }

  render() {
    return html`<dialog class="td-auth" aria-labelledby="td-password-title" data-testid="change-password-dialog"
        @close=${() => this.remove()}>
      <div class="td-dialog-body">
        <div class="td-dialog-head">
          <h2 id="td-password-title">Change password</h2>
          <button class="td-close" aria-label="Close" @click=${this._close}>${iconCloseSmall()}</button>
        </div>
        ${
          this._done
            ? html`<p role="status">Your password is changed. Your other devices and stream links are signed out.</p>
              <div class="td-row-end"><button class="td-btn td-btn-primary" @click=${this._close}>Done</button></div>`
            : html`<form @submit=${this._onSubmit}>
              <input type="text" name="username" autocomplete="username" hidden .value=${this.session.user?.username ?? ''} />
              <label for="td-password-current">Current password</label>
              <input id="td-password-current" name="current" type="password" autocomplete="current-password" required />
              <label for="td-password-next">New password</label>
              <input id="td-password-next" name="next" type="password" autocomplete="new-password"
                minlength=${MIN_PASSWORD} required />
              <label for="td-password-repeat">Repeat the new password</label>
              <input id="td-password-repeat" name="repeat" type="password" autocomplete="new-password" required />
              <p class="td-auth-error" role="alert">${this._error}</p>
              <p class="td-muted">Your other devices will need to sign in again.</p>
              <button class="td-btn td-btn-primary" type="submit" ?disabled=${this._busy}>Change password</button>
            </form>`
        }
      </div>
    </dialog>`;
  }

  private async _onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '');
    if (text('next').length < MIN_PASSWORD) {
      this._error = `The new password needs at least ${MIN_PASSWORD} characters.`;
    } else if (text('next') !== text('repeat')) this._error = 'The new passwords differ.';
    else {
      this._busy = true;
      this._error = (await this.session.changePassword(text('current'), text('next'))) ?? '';
      this._busy = false;
      this._done = !this._error;
    }
  }

  private _close(): void {
    this.querySelector('dialog')?.close();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-change-password': TdChangePassword;
  }
}
