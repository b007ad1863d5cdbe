import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { AuthError, authApi, type User } from '../lib/auth-api.ts';
import { adoptDocumentStyles } from '../lib/document-styles.ts';
import { authDialogStyles } from '../styles/auth-dialogs.ts';
import { authFormStyles } from '../styles/auth-forms.ts';

/**
 * The listeners page, `/admin` (admins only; linked from the account menu): every account with its
 * role and state; add one, make admin or listener, disable or enable, reset a password, remove
 * (asked first). Rendered in the light DOM, in the document: it has password fields.
 */
@customElement('td-admin')
export class TdAdmin extends LitElement {
  /** Who is signed in: their own account cannot be disabled, demoted or removed here. */
  @property({ attribute: false }) user: { id: string; admin: boolean } | null = null;
  @state() private _users: User[] | null = null;
  @state() private _error = '';
  /** The user whose password is being reset, or whose removal is being confirmed. */
  @state() private _resetting: string | null = null;
  @state() private _removing: string | null = null;
  @state() private _busy = false;

  protected createRenderRoot() {
    adoptDocumentStyles(authFormStyles);
    adoptDocumentStyles(authDialogStyles);
    return this;
  }

  protected firstUpdated(): void {
    if (this.user?.admin) void this._load();
  }

  /** After a navigation the shell focuses the view's heading (see router/after-navigation.ts). */
  focusHeading(): void {
    void this.updateComplete.then(() => this.querySelector('h1')?.focus({ preventScroll: true }));
  }

  render() {
    if (!this.user?.admin)
      return html`<section class="td-auth td-admin-page" data-testid="admin-page">
        <h1 tabindex="-1">Listeners</h1>
        <p class="td-muted">Only an admin can manage listeners.</p>
      </section>`;
    return html`<section class="td-auth td-admin-page" aria-labelledby="td-admin-title" data-testid="admin-page">
        <h1 id="td-admin-title" tabindex="-1">Listeners</h1>
        <p class="td-muted">Everyone here can play the whole library. Admins also manage this list.</p>
        <p class="td-auth-error" role="alert" data-testid="admin-error">${this._error}</p>
        ${
          this._users
            ? html`<ul class="td-users">${this._users.map((user) => this._renderUser(user))}</ul>`
            : html`<p class="td-muted" role="status">Loading…</p>`
        }
        <h3>Add a listener</h3>
        <form class="td-add" @submit=${this._onAdd}>
          <label for="td-add-username">User name</label>
          <input id="td-add-username" name="username" autocomplete="off" autocapitalize="none"
            spellcheck="false" required />
          <label for="td-add-password">Password</label>
          <input id="td-add-password" name="password" type="password" autocomplete="new-password"
            minlength="8" required />
          <label class="td-check"><input type="checkbox" name="admin" /> Admin (can manage listeners)</label>
          <button class="td-btn td-btn-primary" type="submit" ?disabled=${this._busy}>Add listener</button>
        </form>
    </section>`;
  }

  private _renderUser(user: User) {
    const self = user.id === this.user?.id;
    return html`<li data-testid="admin-user" data-username=${user.username}>
      <div class="td-user-line">
        <span class="td-user-name">${user.username}</span>
        ${user.admin ? html`<span class="td-badge">Admin</span>` : nothing}
        ${user.disabled ? html`<span class="td-badge">Disabled</span>` : nothing}
        ${self ? html`<span class="td-badge">You</span>` : nothing}
      </div>
      ${
        this._removing === user.id
          ? html`<div class="td-inline-form" role="group" aria-label="Confirm removing ${user.username}">
              <span>Remove ${user.username}? Their devices delete their offline songs.</span>
              <button class="td-btn td-btn-quiet td-btn-small" @click=${() => (this._removing = null)}>Cancel</button>
              <button class="td-btn td-btn-danger td-btn-small" data-testid="admin-remove-confirm"
                @click=${() => this._change(() => authApi.removeUser(user.id))}>Remove</button>
            </div>`
          : this._resetting === user.id
            ? html`<form class="td-inline-form" @submit=${(e: SubmitEvent) => this._onReset(e, user)}>
                <label class="td-check" for="td-reset-${user.id}">New password for ${user.username}</label>
                <input id="td-reset-${user.id}" name="password" type="password" autocomplete="new-password"
                  minlength="8" required />
                <button class="td-btn td-btn-quiet td-btn-small" type="button" @click=${() => (this._resetting = null)}>Cancel</button>
                <button class="td-btn td-btn-primary td-btn-small" type="submit">Set password</button>
              </form>`
            : html`<div class="td-user-actions">
                <button class="td-btn td-btn-quiet td-btn-small" ?disabled=${self}
                  @click=${() => this._change(() => authApi.updateUser(user.id, { admin: !user.admin }))}>
                  ${user.admin ? 'Make listener' : 'Make admin'}</button>
                <button class="td-btn td-btn-quiet td-btn-small" ?disabled=${self} data-testid="admin-disable"
                  @click=${() => this._change(() => authApi.updateUser(user.id, { disabled: !user.disabled }))}>
                  ${user.disabled ? 'Enable' : 'Disable'}</button>
                <button class="td-btn td-btn-quiet td-btn-small" data-testid="admin-reset"
                  @click=${() => (this._resetting = user.id)}>Reset password</button>
                <button class="td-btn td-btn-quiet td-btn-small" ?disabled=${self} data-testid="admin-remove"
                  @click=${() => (this._removing = user.id)}>Remove</button>
              </div>`
      }
    </li>`;
  }

  private async _load(): Promise<void> {
    try {
      this._users = (await authApi.listUsers()).items;
    } catch (error) {
      this._error = message(error);
    }
  }

  /** Runs one change, then shows the list as the server has it. */
  private async _change(run: () => Promise<unknown>): Promise<boolean> {
    this._busy = true;
    this._error = '';
    try {
      await run();
      this._removing = null;
      this._resetting = null;
      return true;
    } catch (error) {
      this._error = message(error);
      return false;
    } finally {
      this._busy = false;
      await this._load();
    }
  }

  private async _onAdd(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const user = {
      username: String(data.get('username') ?? '').trim(),
      password: String(data.get('password') ?? ''),
      admin: data.get('admin') === 'on',
    };
    if (await this._change(() => authApi.addUser(user))) form.reset();
  }

  private async _onReset(event: SubmitEvent, user: User): Promise<void> {
    event.preventDefault();
    const password = String(new FormData(event.target as HTMLFormElement).get('password') ?? '');
    await this._change(() => authApi.updateUser(user.id, { password }));
  }
}

function message(error: unknown): string {
  if (error instanceof AuthError && error.status === 0) return 'Can’t reach the Tapedeck server.';
  const text = error instanceof Error ? error.message : 'Something went wrong.';
  return text.charAt(0).toUpperCase() + text.slice(1);
}

declare global {
  interface HTMLElementTagNameMap {
    'td-admin': TdAdmin;
  }
}
