/**
 * The worker's side of accounts: whose offline copies it keeps, and what the server's answers say
 * about this browser's session.
 * - `signedIn(user)` (the page, after a sign-in or at start): another user than the owner wipes
 *   everything first; then the current key is fetched (a rotated one is adopted and re-sealing
 *   starts).
 * - `signOut()`: the key is destroyed first (every copy is unreadable at once), then every cache.
 * - `inspect(url, response)`, for the private surface's answers the worker sees: a 401 with
 *   `reason: "account-removed"` wipes; any other 401 locks the caches (nothing kept is served to a
 *   page whose session is gone, and nothing is deleted: the same user signing in again finds their
 *   songs); a success while locked, or while no key is held, fetches the key again, which also
 *   unlocks (or wipes, if the session now belongs to someone else).
 * Network errors change nothing: offline, a signed-in app keeps playing what it holds.
 */
import type { FetchLike } from './chunk-fetch.ts';
import type { Keyring } from './keyring.ts';
import { fetchOfflineKey, OFFLINE_KEY_PATH, reasonOf } from './offline-key.ts';

export const ACCOUNT_REMOVED = 'account-removed';

export interface AccountDeps {
  keyring: Keyring;
  /** Plain fetch (not inspected: the key request is handled here). */
  fetch: FetchLike;
  baseUrl: string;
  /** Destroys the key, then deletes every cache the worker keeps. */
  wipe: () => Promise<void>;
  /** Re-seals what an older key (or none) sealed; runs in the background. */
  reseal: () => Promise<void>;
  /** Minimum ms between two key requests the worker makes on its own (default 30 s). */
  retryMs?: number;
  now?: () => number;
}

export interface Account {
  signedIn(user: { id: string }): Promise<void>;
  signOut(): Promise<void>;
  inspect(url: string, response: Response): Promise<void>;
  /** Fetches the key unless one was asked for recently; resolves when that is settled. */
  wantKey(): Promise<void>;
}

/** Same-origin paths whose answers say nothing about the session. */
const PUBLIC = [/^\/api\/health$/, new RegExp(`^${OFFLINE_KEY_PATH}$`)];

export function createAccount(deps: AccountDeps): Account {
  const { keyring, retryMs = 30_000, now = Date.now } = deps;
  let refreshing: Promise<void> | null = null;
  let lastAsked = Number.NEGATIVE_INFINITY;
  let serial = Promise.resolve();
  /** Bumped by a sign-out: a key answer for a request sent before it is dropped. */
  let epoch = 0;
  /** One account change at a time, in the order they came. */
  const queue = (task: () => Promise<void>) => {
    const next = serial.then(task, task);
    serial = next.catch(() => {});
    return next;
  };

  const adoptKey = async () => {
    const sentIn = epoch;
    lastAsked = now();
    const answer = await fetchOfflineKey(deps.fetch, deps.baseUrl);
    if (epoch !== sentIn) return;
    if (answer.status === 'signed-out') return signedOut(answer.reason);
    if (answer.status !== 'ok') return;
    const owner = keyring.userId();
    if (owner !== null && owner !== answer.userId) await deps.wipe();
    await keyring.setUser(answer.userId);
    await keyring.add(answer.key);
    await keyring.setLocked(false);
    void deps.reseal();
  };
  const refresh = () => {
    refreshing ??= queue(adoptKey).finally(() => {
      refreshing = null;
    });
    return refreshing;
  };
  const signedOut = async (reason: string | null) => {
    if (reason === ACCOUNT_REMOVED) await deps.wipe();
    else if (keyring.userId() !== null || keyring.current()) await keyring.setLocked(true);
  };

  return {
    // Its own key request, not one already under way: that one may carry the old session's 401.
    signedIn: (user) =>
      queue(async () => {
        const owner = keyring.userId();
        if (owner !== null && owner !== user.id) await deps.wipe();
        await keyring.setUser(user.id);
        await adoptKey();
      }),
    // The key goes at once, even while a key request is under way; the caches go in turn.
    async signOut() {
      epoch += 1;
      await keyring.destroy();
      await queue(deps.wipe);
    },
    async inspect(url, response) {
      const { pathname, origin } = new URL(url);
      if (origin !== new URL(deps.baseUrl).origin || PUBLIC.some((p) => p.test(pathname))) return;
      if (response.status === 401) {
        const reason = await reasonOf(response);
        await queue(() => signedOut(reason));
      } else if (response.ok && (keyring.locked() || !keyring.current())) {
        // In the background: the answer that proved the session must not wait for the key.
        if (now() - lastAsked >= retryMs) void refresh();
      }
    },
    wantKey() {
      if (refreshing) return refreshing;
      return !keyring.locked() && now() - lastAsked >= retryMs ? refresh() : Promise.resolve();
    },
  };
}
