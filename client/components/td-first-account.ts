import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SessionController } from '../controllers/session.ts';
import { adoptDocumentStyles } from '../lib/document-styles.ts';
import { authFormStyles } from '../styles/auth-forms.ts';

const MIN_PASSWORD = 8;

/**
 * "Create the first account": shown while the server has no account. From this machine no token
 * is needed; from another one, the one-time token the server printed in its log (its setup link
 * `…/#setup=<token>` fills it in). Light DOM, like the sign-in form, for password managers.
 */
@customElement('td-first-account')
export class TdFirstAccount extends LitElement {
  @property({ attribute: false }) session!: SessionController;
  @state() private _error = '';
  @state() private _busy = false;
  private readonly _token = new URLSearchParams(globalThis.location?.hash.slice(1)).get('setup');

  protected createRenderRoot() {
    adoptDocumentStyles(authFormStyles);
    return this;
  }

  render() {
    const askToken = this.session.setupTokenRequired || this._token !== null;
    return html`<div class="td-auth td-auth-page">
      <section class="td-auth-card" aria-labelledby="td-setup-title" data-testid="first-account">
        <h1 id="td-setup-title">Create the first account</h1>
        <p class="td-muted">It will be the admin: it can add listeners and manage their accounts.</p>
        <form @submit=${this._onSubmit}>
          <label for="td-setup-username">User name</label>
          <input id="td-setup-username" name="username" autocomplete="username"
            autocapitalize="none" autocorrect="off" spellcheck="false" required />
          <label for="td-setup-password">Password</label>
          <input id="td-setup-password" name="password" type="password" autocomplete="new-password"
            minlength=${MIN_PASSWORD} required aria-describedby="td-setup-hint" />
          <span id="td-setup-hint" class="td-muted">At least ${MIN_PASSWORD} characters.</span>
          <label for="td-setup-repeat">Repeat the password</label>
          <input id="td-setup-repeat" name="repeat" type="password" autocomplete="new-password" required />
          ${
            askToken
              ? html`<label for="td-setup-token">Setup token</label>
                <input id="td-setup-token" name="token" autocomplete="off" spellcheck="false"
                  .value=${this._token ?? ''} aria-describedby="td-setup-token-hint" />
                <span id="td-setup-token-hint" class="td-muted">Printed in the server’s log when it started.</span>`
              : nothing
          }
          <p class="td-auth-error" role="alert">${this._error}</p>
          <button class="td-btn td-btn-primary" type="submit" ?disabled=${this._busy}>Create account</button>
        </form>
      </section>
    </div>`;
  }

  private async _onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '');
    if (!text('username').trim()) this._error = 'Choose a user name.';
    else if (text('password').length < MIN_PASSWORD) {
      this._error = `The password needs at least ${MIN_PASSWORD} characters.`;
    } else if (text('password') !== text('repeat')) this._error = 'The passwords differ.';
    else {
      this._busy = true;
      const token = text('token').trim() || undefined;
      this._error =
        (await this.session.setup(text('username').trim(), text('password'), token)) ?? '';
      this._busy = false;
      if (!this._error && this._token) history.replaceState(null, '', location.pathname);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-first-account': TdFirstAccount;
  }
}
