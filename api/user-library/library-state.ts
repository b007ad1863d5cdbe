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
 * Runs `task` holding the user's library lock (the state store's lease lock, so two devices of one
 * user never lose each other's edits, on any instance), waiting (bounded) while another holds it.
 */
export function withUserLock<T>(
  state: StateStore,
  userId: string,
  task: () => Promise<T>,
): Promise<T> {
  return withLock(state, `library:${userId}`, task);
}
