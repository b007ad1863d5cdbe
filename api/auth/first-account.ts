import { randomBytes } from 'node:crypto';
import { HTTPError } from 'h3';
import { type StateStore, withLock } from '../state/state-store.ts';
import type { Accounts, UserRecord } from './accounts.ts';
import { hashToken } from './sessions.ts';

/**
 * The first account: from ADMIN_USERNAME/ADMIN_PASSWORD at start, or through the web app's
 * "Create the first account" page (`POST /api/auth/setup`), which is accepted only while no
 * account exists, and only from this machine or with the one-time token the server prints at
 * start. Both go through one lock, so two first accounts cannot be made at once.
 */
export function createFirstAccount(state: StateStore, accounts: Accounts) {
  const tokenKey = (token: string) => `setup-tokens:${hashToken(token)}`;
  let exists = false; // once true, stays true: accounts are never all removed (last admin stays)

  const any = async () => {
    exists ||= await accounts.any();
    return exists;
  };
  const locked = <T>(task: () => Promise<T>) => withLock(state, 'first-account', task);

  return {
    needed: async () => !(await any()),
    /** At start: the admin from the environment when there is no account yet. */
    async fromEnvironment(admin: { username: string; password: string }) {
      return locked(async () => {
        if (await any()) return null;
        const record = await accounts.create({ ...admin, admin: true });
        exists = true;
        return record;
      });
    },
    /** A one-time token for a remote setup, kept (hashed) until an account exists. */
    async issueToken(): Promise<string> {
      const token = randomBytes(24).toString('base64url');
      await state.storage.setItem(tokenKey(token), { createdAt: new Date().toISOString() });
      return token;
    },
    /** Creates the first admin, or refuses (409 once an account exists, 403 without the right). */
    async setup(input: {
      username: unknown;
      password: unknown;
      token: unknown;
      loopback: boolean;
    }): Promise<UserRecord> {
      return locked(async () => {
        if (await any()) {
          throw HTTPError.status(409, 'Conflict', {
            message: 'an account exists already: sign in',
          });
        }
        const tokenOk =
          typeof input.token === 'string' &&
          input.token.length <= 64 &&
          (await state.storage.hasItem(tokenKey(input.token)));
        if (!input.loopback && !tokenOk) {
          throw HTTPError.status(403, 'Forbidden', {
            message: 'from another machine, setup needs the token printed in the server log',
          });
        }
        const record = await accounts.create({
          username: input.username as string,
          password: input.password as string,
          admin: true,
        });
        exists = true;
        for (const key of await state.storage.getKeys('setup-tokens')) {
          await state.storage.removeItem(key);
        }
        return record;
      });
    },
  };
}
