import type { SessionUser } from './auth-api.ts';
import { type KeyValueStore, localStore } from './local-store.ts';

const USER_KEY = 'tapedeck.user';
const PENDING_SIGN_OUT_KEY = 'tapedeck.signOutPending';

/**
 * Who is signed in on this device, kept locally so that a signed-in app opened without the server
 * keeps working (a network failure of /api/auth/me is not a sign-out), and so that sign-in after
 * an expired session can offer the same name.
 */
export function createRememberedUser(store: KeyValueStore | null = localStore()) {
  return {
    get(): SessionUser | null {
      try {
        const value = JSON.parse(store?.getItem(USER_KEY) ?? 'null') as SessionUser | null;
        return value && typeof value.id === 'string' && typeof value.username === 'string'
          ? value
          : null;
      } catch {
        return null;
      }
    },
    set(user: SessionUser | null): void {
      store?.setItem(USER_KEY, user ? JSON.stringify(user) : 'null');
    },
    /** A sign-out made offline: the server session is ended at the next contact. */
    get signOutPending(): boolean {
      return store?.getItem(PENDING_SIGN_OUT_KEY) === '1';
    },
    set signOutPending(pending: boolean) {
      store?.setItem(PENDING_SIGN_OUT_KEY, pending ? '1' : '0');
    },
  };
}

export type RememberedUser = ReturnType<typeof createRememberedUser>;
