import { hash, randomBytes } from 'node:crypto';
import type { StateStore } from '../state/state-store.ts';

/** A session as kept in the state store, under the sha256 of its token (never the token). */
export interface SessionRecord {
  userId: string;
  /** The user's generation when the session began: a password change or a disable ends it. */
  generation: number;
  createdAt: number;
  lastSeen: number;
}

/** What stays of a session whose account was deleted or disabled, until it would have expired. */
export interface Tombstone {
  removed: 'account-removed';
  expiresAt: number;
}

export type StoredSession = SessionRecord | Tombstone;

export type Sessions = ReturnType<typeof createSessions>;

/** Token format: 32 random bytes, base64url (256 bits). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return hash('sha256', token, 'hex'); // one call: no Hash object per request on the stream path
}

export function isTombstone(stored: StoredSession): stored is Tombstone {
  return 'removed' in stored;
}

/**
 * Sessions in the state store (`sessions:<sha256 of token>`). They end after `idleMs` without use;
 * `touch` records use (callers do so at most every few minutes, not per request).
 */
export function createSessions(state: StateStore, idleMs: number, now: () => number) {
  const { storage } = state;
  const key = (hash: string) => `sessions:${hash}`;

  const read = async (hash: string): Promise<StoredSession | null> => {
    const value = (await storage.getItem(key(hash))) as StoredSession | null;
    if (!value || typeof value !== 'object') return null;
    return isTombstone(value) || typeof value.userId === 'string' ? value : null;
  };
  const expiresAt = (stored: StoredSession) =>
    isTombstone(stored) ? stored.expiresAt : stored.lastSeen + idleMs;
  /** Every stored session of `userId` (a sweep: revoking a user's sessions is rare). */
  const ofUser = async (userId: string) => {
    const found: { hash: string; record: SessionRecord }[] = [];
    for (const fullKey of await storage.getKeys('sessions')) {
      const hash = fullKey.slice('sessions:'.length);
      const stored = await read(hash);
      if (stored && !isTombstone(stored) && stored.userId === userId) {
        found.push({ hash, record: stored });
      }
    }
    return found;
  };

  return {
    read,
    expiresAt,
    isExpired: (stored: StoredSession) => expiresAt(stored) <= now(),
    async create(user: { id: string; generation: number }) {
      const token = randomBytes(32).toString('base64url');
      const hash = hashToken(token);
      const at = now();
      const record: SessionRecord = {
        userId: user.id,
        generation: user.generation,
        createdAt: at,
        lastSeen: at,
      };
      await storage.setItem(key(hash), record);
      return { token, hash, record };
    },
    async touch(hash: string, record: SessionRecord): Promise<SessionRecord> {
      const next = { ...record, lastSeen: now() };
      await storage.setItem(key(hash), next);
      return next;
    },
    async remove(hash: string): Promise<void> {
      await storage.removeItem(key(hash));
    },
    /**
     * Ends every session of `userId` but `keep`: deleted outright (password change), or replaced by
     * tombstones (account removed or disabled) so those browsers learn why. Returns the hashes.
     */
    async endAllOf(userId: string, how: 'delete' | 'tombstone', keep?: string): Promise<string[]> {
      const ended: string[] = [];
      for (const { hash, record } of await ofUser(userId)) {
        if (hash === keep) continue;
        if (how === 'delete') await storage.removeItem(key(hash));
        else {
          const tombstone: Tombstone = { removed: 'account-removed', expiresAt: expiresAt(record) };
          await storage.setItem(key(hash), tombstone);
        }
        ended.push(hash);
      }
      return ended;
    },
    /** Deletes expired sessions and tombstones; returns how many. */
    async sweep(): Promise<number> {
      let removed = 0;
      for (const fullKey of await storage.getKeys('sessions')) {
        const stored = await read(fullKey.slice('sessions:'.length));
        if (!stored || expiresAt(stored) <= now()) {
          await storage.removeItem(fullKey);
          removed++;
        }
      }
      return removed;
    },
  };
}
