import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SessionController, SessionNotice } from '../controllers/session.ts';
import { adoptDocumentStyles } from '../lib/document-styles.ts';
import { authFormStyles } from '../styles/auth-forms.ts';

const NOTICES: Record<Exclude<SessionNotice, null>, { text: string; danger?: boolean }> = {
  'session-expired': {
    text: 'Your session has ended. Sign in again: the songs kept on this device stay.',
  },
  'account-removed': {
    text: 'This account was removed or disabled. Its songs were deleted from this device.',
    danger: true,
  },
  offline: { text: 'You’re offline. Signing in needs the Tapedeck server.' },
};

/**
 * The sign-in page. It renders into the light DOM (no shadow root) with labelled "User name" and
 * "Password" fields and `autocomplete` hints, so password managers and screen readers find them.
 */
@customElement('td-sign-in')
export class TdSignIn extends LitElement {
  /** Signs in and says why not (wrong password, rate limited with when to try again). */
  @property({ attribute: false }) session!: SessionController;
  @state() private _error = '';
  @state() private _busy = false;

  protected createRenderRoot() {
    adoptDocumentStyles(authFormStyles);
    return this;
  }

  render() {
    const notice = this.session.notice ? NOTICES[this.session.notice] : null;
    return html`<div class="td-auth td-auth-page">
      <section class="td-auth-card" aria-labelledby="td-sign-in-title" data-testid="sign-in">
        <h1 id="td-sign-in-title">Sign in</h1>
        <p class="td-muted">Your library is private to its listeners.</p>
        ${
          notice
            ? html`<p class="td-auth-notice ${notice.danger ? 'td-danger' : ''}" data-testid="sign-in-notice">${notice.text}</p>`
            : nothing
        }
        <form @submit=${this._onSubmit}>
          <label for="td-sign-in-username">User name</label>
          <input id="td-sign-in-username" name="username" autocomplete="username"
            autocapitalize="none" autocorrect="off" spellcheck="false" required
            .value=${this.session.prefill} />
          <label for="td-sign-in-password">Password</label>
          <input id="td-sign-in-password" name="password" type="password"
            autocomplete="current-password" required />
          <p class="td-auth-error" role="alert" data-testid="sign-in-error">${this._error}</p>
          <button class="td-btn td-btn-primary" type="submit" ?disabled=${this._busy}>Sign in</button>
        </form>
      </section>
    </div>`;
  }

  protected firstUpdated(): void {
    const field = this.session.prefill ? 'password' : 'username';
    this.querySelector<HTMLInputElement>(`#td-sign-in-${field}`)?.focus();
  }

  private async _onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (!username || !password) {
      this._error = 'Enter your user name and password.';
      return;
    }
    this._busy = true;
    this._error = (await this.session.signIn(username, password)) ?? '';
    this._busy = false;
    if (this._error) form.querySelector<HTMLInputElement>('[name=password]')?.select();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-sign-in': TdSignIn;
  }
}
