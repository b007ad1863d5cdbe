import { randomBytes } from 'node:crypto';
import { type StateStore, withLock } from '../state/state-store.ts';

export interface OfflineKey {
  userId: string;
  /** 32 random bytes, base64url: the browser's AES-GCM key for offline copies (issue 14). */
  key: string;
  createdAt: string;
}

/**
 * Each user's offline key: made on first request, replaced when the password changes (copies
 * sealed with the old key become unreadable), deleted with the user.
 */
export type OfflineKeys = ReturnType<typeof createOfflineKeys>;

export function createOfflineKeys(state: StateStore) {
  const keyOf = (userId: string) => `offline-keys:${userId}`;
  const read = async (userId: string) => {
    const value = (await state.storage.getItem(keyOf(userId))) as OfflineKey | null;
    return typeof value?.key === 'string' ? value : null;
  };
  const make = async (userId: string): Promise<OfflineKey> => {
    const key = { userId, key: randomBytes(32).toString('base64url'), createdAt: now() };
    await state.storage.setItem(keyOf(userId), key);
    return key;
  };
  return {
    async get(userId: string): Promise<OfflineKey> {
      return (
        (await read(userId)) ??
        withLock(state, keyOf(userId), async () => (await read(userId)) ?? make(userId))
      );
    },
    rotate: (userId: string) => withLock(state, keyOf(userId), () => make(userId)),
    remove: (userId: string) => state.storage.removeItem(keyOf(userId)),
  };
}

function now() {
  return new Date().toISOString();
}
