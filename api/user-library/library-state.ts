import { randomBytes } from 'node:crypto';
import type { Storage } from 'unstorage';
import { type StateStore, withLock } from '../state/state-store.ts';

/** The state-store key of one of a user's documents (`favourites`, `playlist:<id>`…). */
export function docKey(userId: string, doc: string): string {
  return `library:${userId}:${doc}`;
}

export async function readDoc<T>(
  storage: Storage,
  userId: string,
  doc: string,
  empty: () => T,
): Promise<T> {
  return ((await storage.getItem<T>(docKey(userId, doc))) ?? empty()) as T;
}

/**
 * The user's library revision: a random token (`r…`, so that it never reads back as a number) rewritten after every change of their favourites,
 * plays or playlists, on any instance (or by `npm run user`). Reading it is one small read, which
 * is how a cached copy of the documents is known to be current; null before the first change.
 */
export async function readRevision(storage: Storage, userId: string): Promise<string | null> {
  const revision = await storage.getItem(docKey(userId, 'revision'));
  return typeof revision === 'string' ? revision : null;
}

/**
 * Runs `task` (which changes the user's documents) holding the user's library lock (the state
 * store's lease lock, so two devices of one user never lose each other's edits, on any instance),
 * waiting (bounded) while another holds it; then writes a new revision. The revision is written
 * after the documents, and even when the task failed half-way, so no instance keeps a copy older
 * than what is stored.
 */
export function changeUserLibrary<T>(
  state: StateStore,
  userId: string,
  task: () => Promise<T>,
): Promise<T> {
  return withLock(state, `library:${userId}`, async () => {
    try {
      return await task();
    } finally {
      await state.storage.setItem(
        docKey(userId, 'revision'),
        `r${randomBytes(12).toString('base64url')}`,
      );
    }
  });
}
