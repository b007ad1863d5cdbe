import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AuthError, authApi, type SessionUser, UNAUTHORIZED_EVENT } from '../lib/auth-api.ts';
import { describeAuthError } from '../lib/auth-messages.ts';
import { createRememberedUser, type RememberedUser } from '../lib/remembered-user.ts';
import { callWorker, type WorkerAccount } from '../lib/worker-call.ts';

export type SessionStatus = 'checking' | 'signed-in' | 'signed-out' | 'setup';
/** Why the sign-in page shows (its notice), or null for a plain sign-in. */
export type SessionNotice = 'session-expired' | 'account-removed' | 'offline' | null;

export interface SessionHooks {
  /** The worker bridge (set by main.ts after the shell exists). */
  bridge(): WorkerAccount | null;
  /** The session ended while the app was in use: stop playing. */
  onSignedOut(): void;
  /**
   * Deletes what the page itself keeps of a user's library (song details kept offline, plays not
   * yet sent): at sign-out, when the account is removed, and before another user's library shows.
   */
  forget?(): Promise<void>;
  /** A clean page (no titles, queue or Media Session left): after sign-out, or another user. */
  reload?(): void;
}

/**
 * Who is signed in, for the shell: asks `/api/auth/me` at start and whenever an API call meets a
 * 401 (or the server comes back), and signs in, sets up, changes passwords and signs out. Offline,
 * the user remembered on this device stays signed in: a network failure is not a sign-out. The
 * worker hears of every change (`signedIn`, `signOut`) before the page shows the result.
 */
export class SessionController implements ReactiveController {
  status: SessionStatus = 'checking';
  user: SessionUser | null = null;
  notice: SessionNotice = null;
  /** The name to offer on the sign-in page (the user whose session ended). */
  prefill = '';
  /** Setup from another machine needs the token printed in the server's log. */
  setupTokenRequired = false;
  /** Signed in from this device's memory: the server cannot be reached. */
  offline = false;
  private readonly _host: ReactiveControllerHost;
  private readonly _hooks: SessionHooks;
  private readonly _remembered: RememberedUser;
  private _checking: Promise<void> | null = null;
  /** The user whose library this page has shown. */
  private _shownUserId: string | null = null;
  private readonly _onUnauthorized = () => this.recheck();

  constructor(host: ReactiveControllerHost, hooks: SessionHooks, remembered?: RememberedUser) {
    this._host = host;
    this._hooks = hooks;
    this._remembered = remembered ?? createRememberedUser();
    host.addController(this);
  }

  get signedIn(): boolean {
    return this.status === 'signed-in';
  }

  hostConnected(): void {
    globalThis.addEventListener?.(UNAUTHORIZED_EVENT, this._onUnauthorized);
    void this.recheck();
  }
  hostDisconnected(): void {
    globalThis.removeEventListener?.(UNAUTHORIZED_EVENT, this._onUnauthorized);
  }

  /** Ask the server who we are (one question at a time). */
  recheck(): Promise<void> {
    this._checking ??= this._check().finally(() => {
      this._checking = null;
    });
    return this._checking;
  }

  /** Signs in; resolves with an error message to show, or null. */
  async signIn(username: string, password: string): Promise<string | null> {
    try {
      const { user } = await authApi.login(username, password);
      this._remembered.signOutPending = false;
      await this._enter(user, true);
      return null;
    } catch (error) {
      return describeAuthError(error, 'Wrong user name or password.');
    }
  }

  /** Creates the first account (an admin) and signs in as it. */
  async setup(username: string, password: string, token?: string): Promise<string | null> {
    try {
      const { user } = await authApi.setup(username, password, token);
      await this._enter(user, true);
      return null;
    } catch (error) {
      if (error instanceof AuthError && error.status === 409) {
        this.status = 'signed-out';
        this._host.requestUpdate();
      }
      return describeAuthError(error, 'That did not work.');
    }
  }

  async changePassword(current: string, next: string): Promise<string | null> {
    try {
      await authApi.changePassword(current, next);
      // The server replaced this user's offline key: the worker fetches the new one.
      if (this.user) await this._tellWorker((bridge) => bridge.signedIn(this.user!));
      return null;
    } catch (error) {
      return describeAuthError(error, 'The current password is wrong.');
    }
  }

  /**
   * Ends the session on the server (or, offline, at the next contact), lets the worker delete
   * everything it keeps, forgets the user, then reloads: the sign-in page shows only after that.
   */
  async signOut(): Promise<void> {
    try {
      await authApi.logout();
    } catch (error) {
      if (error instanceof AuthError && error.status === 0) this._remembered.signOutPending = true;
    }
    await this._tellWorker((bridge) => bridge.signOut());
    await this._hooks.forget?.();
    this._remembered.set(null);
    this._reload();
  }

  private async _check(): Promise<void> {
    try {
      const { user } = await authApi.me();
      if (this._remembered.signOutPending) {
        // Signed out while offline: end that session now that the server answers.
        await authApi.logout().catch(() => {});
        this._remembered.signOutPending = false;
        this._leave(null);
        return;
      }
      await this._enter(user);
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      // Unreachable, or a proxy with the server down (502/503/504): not a sign-out.
      if (error.status === 0 || error.status >= 500) this._offline();
      else if (error.body.setupRequired) {
        this.setupTokenRequired = error.body.setupTokenRequired === true;
        this._set('setup', null, null);
      } else if (error.body.reason === 'account-removed') {
        await this._tellWorker((bridge) => bridge.signOut());
        await this._hooks.forget?.();
        this._remembered.set(null);
        this._leave('account-removed');
      } else this._leave(this.signedIn || this._remembered.get() ? 'session-expired' : null);
    }
  }

  /**
   * Signed in as `user`. After signing in on this page (`fresh`), the page reloads: what it
   * fetched while signed out (the preloaded catalog's 401) and any other user's state go with it.
   */
  private async _enter(user: SessionUser, fresh = false): Promise<void> {
    const before = this._remembered.get();
    if (before && before.id !== user.id) await this._hooks.forget?.();
    this._remembered.set(user);
    const told = this._tellWorker((bridge) => bridge.signedIn(user));
    // On a first visit no worker is registered yet (it registers once the page is idle, and then
    // installs): it holds nothing of anyone, and it learns the user from this call or from the key
    // it fetches on the first answer it sees. Waiting for it would hold the library back seconds.
    if (fresh || !(await isFirstVisit())) await told;
    if (fresh || (this._shownUserId !== null && this._shownUserId !== user.id)) {
      this._reload();
      return;
    }
    this._shownUserId = user.id;
    this._set('signed-in', user, null);
  }

  /** A fresh page at the same address, minus any `#setup=` token. */
  private _reload(): void {
    const fresh = () => globalThis.location?.replace(location.pathname + location.search);
    (this._hooks.reload ?? fresh)();
  }

  private _offline(): void {
    const remembered = this._remembered.get();
    if (remembered) {
      this._shownUserId ??= remembered.id;
      this._set('signed-in', remembered, null);
      this.offline = true;
    } else this._set('signed-out', null, 'offline');
  }

  private _leave(notice: SessionNotice): void {
    const wasIn = this.signedIn;
    this.prefill = this.user?.username ?? this._remembered.get()?.username ?? '';
    this._set('signed-out', null, notice);
    if (wasIn) this._hooks.onSignedOut();
  }

  private _set(status: SessionStatus, user: SessionUser | null, notice: SessionNotice): void {
    this.status = status;
    this.user = user;
    this.notice = notice;
    this.offline = false;
    this._host.requestUpdate();
  }

  /** The worker's side of an account change, awaited but bounded (worker-call.ts). */
  private _tellWorker(call: (bridge: WorkerAccount) => Promise<void>): Promise<void> {
    const bridge = this._hooks.bridge();
    return bridge ? callWorker(() => call(bridge)) : Promise.resolve();
  }
}

/** No service worker controls this page, and none is registered for this origin. */
async function isFirstVisit(): Promise<boolean> {
  const container = globalThis.navigator?.serviceWorker;
  if (!container || container.controller) return false;
  return (await container.getRegistration().catch(() => null)) === undefined;
}
