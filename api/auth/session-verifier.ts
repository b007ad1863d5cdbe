import type { StateStore } from '../state/state-store.ts';
import type { Accounts, UserRecord } from './accounts.ts';
import {
  hashToken,
  isTombstone,
  type SessionRecord,
  type Sessions,
  type StoredSession,
  TOKEN_PATTERN,
} from './sessions.ts';

/** Why a request is not signed in; the client acts on it (account-removed wipes offline copies). */
export type SignedOutReason = 'signed-out' | 'session-expired' | 'account-removed';

/** `event.context.user` of a signed-in request. */
export interface SessionUser {
  id: string;
  username: string;
  admin: boolean;
}

export type Verdict =
  | { ok: true; user: SessionUser; record: UserRecord; hash: string }
  | { ok: false; reason: SignedOutReason };

export interface VerifierOptions {
  state: StateStore;
  accounts: Accounts;
  sessions: Sessions;
  now: () => number;
  /** Record "last seen" at most this often per session. */
  touchMs?: number;
  /** How long a verified session / a user record is trusted from memory. */
  sessionCacheMs?: number;
  userCacheMs?: number;
}

/** The state store namespaces it (Redis: `tapedeck:auth`). */
const CHANNEL = 'auth';
const CACHE_LIMIT = 20_000;

/**
 * Checks session tokens and link owners against the state store, keeping what it read in memory
 * briefly so that the stream route (every range request of every listener) rarely waits for the
 * store. Revocations drop entries here at once and are published on the state store, so other
 * instances drop theirs; the short lifetimes bound what a lost message could cost.
 */
export function createSessionVerifier(options: VerifierOptions) {
  const { state, accounts, sessions, now } = options;
  const touchMs = options.touchMs ?? 5 * 60_000;
  const sessionCacheMs = options.sessionCacheMs ?? 30_000;
  const userCacheMs = options.userCacheMs ?? 10_000;
  const sessionCache = new Map<string, { stored: SessionRecord; at: number }>();
  const userCache = new Map<string, { record: UserRecord | null; at: number }>();
  // The stream route checks the same few tokens on every range request, and hashing each one was
  // most of that check's cost. Only tokens of sessions found in the cache are kept.
  const tokenHashes = new Map<string, string>();

  const unsubscribe = state.subscribe(CHANNEL, (message) => {
    if (message.startsWith('user:')) userCache.delete(message.slice(5));
    else if (message.startsWith('session:')) sessionCache.delete(message.slice(8));
  });

  const userCached = (id: string) => {
    const hit = userCache.get(id);
    return hit && now() - hit.at < userCacheMs ? hit.record : undefined;
  };
  const loadUser = async (id: string) => {
    const record = await accounts.get(id);
    remember(userCache, id, { record, at: now() });
    return record;
  };

  /** The verdict on a session record and its user, both at hand. */
  const judge = (hash: string, stored: StoredSession, user: UserRecord | null): Verdict => {
    if (isTombstone(stored)) return { ok: false, reason: 'account-removed' };
    if (sessions.isExpired(stored)) return { ok: false, reason: 'session-expired' };
    if (!user || user.disabled) return { ok: false, reason: 'account-removed' };
    if (user.generation !== stored.generation) return { ok: false, reason: 'session-expired' };
    if (now() - stored.lastSeen > touchMs) void touch(hash, stored);
    const sessionUser = { id: user.id, username: user.username, admin: user.admin };
    return { ok: true, user: sessionUser, record: user, hash };
  };
  const touch = async (hash: string, stored: SessionRecord) => {
    // Marked at once so concurrent requests do not all write.
    remember(sessionCache, hash, { stored: { ...stored, lastSeen: now() }, at: now() });
    await sessions.touch(hash, stored).catch(() => sessionCache.delete(hash));
  };
  const loadSession = async (hash: string) => {
    const stored = await sessions.read(hash);
    if (stored && !isTombstone(stored)) remember(sessionCache, hash, { stored, at: now() });
    return stored;
  };

  /** Verifies a session token from memory only: undefined when the store must be asked. */
  const verifyCached = (token: string | undefined): Verdict | undefined => {
    if (!token || !TOKEN_PATTERN.test(token)) return undefined;
    let hash = tokenHashes.get(token);
    if (hash === undefined) {
      hash = hashToken(token);
      if (sessionCache.has(hash)) remember(tokenHashes, token, hash);
    }
    const hit = sessionCache.get(hash);
    if (!hit || now() - hit.at >= sessionCacheMs || sessions.isExpired(hit.stored)) return;
    const user = userCached(hit.stored.userId);
    if (user === undefined) return undefined;
    return judge(hash, hit.stored, user);
  };

  return {
    verifyCached,
    async verify(token: string | undefined): Promise<Verdict> {
      if (token === undefined) return { ok: false, reason: 'signed-out' };
      if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: 'session-expired' };
      const cached = verifyCached(token);
      if (cached?.ok) return cached;
      const hash = hashToken(token);
      const stored = await loadSession(hash);
      if (!stored) return { ok: false, reason: 'session-expired' };
      if (isTombstone(stored)) return { ok: false, reason: 'account-removed' };
      return judge(hash, stored, userCached(stored.userId) ?? (await loadUser(stored.userId)));
    },
    /** The account behind a link or a session, from memory when it was read recently. */
    userCached,
    user: async (id: string) => {
      const cached = userCached(id);
      return cached === undefined ? loadUser(id) : cached;
    },
    /** Forget what this and every other instance keeps about `id` (after any change to it). */
    async forgetUser(id: string) {
      userCache.delete(id);
      await state.publish(CHANNEL, `user:${id}`);
    },
    async forgetSessions(hashes: string[]) {
      for (const hash of hashes) {
        sessionCache.delete(hash);
        await state.publish(CHANNEL, `session:${hash}`);
      }
    },
    dispose: unsubscribe,
  };
}

export type SessionVerifier = ReturnType<typeof createSessionVerifier>;

/** A bounded map: past the limit, the oldest half goes (insertion order). */
function remember<V>(cache: Map<string, V>, key: string, value: V) {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size <= CACHE_LIMIT) return;
  let drop = cache.size / 2;
  for (const oldKey of cache.keys()) {
    if (drop-- <= 0) break;
    cache.delete(oldKey);
  }
}
