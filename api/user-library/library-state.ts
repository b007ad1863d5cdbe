import type { Storage } from 'unstorage';

/**
 * What the per-user library needs of the shared StateStore (api/state/state-store.ts): JSON
 * documents, a lease lock so two devices of one user never lose each other's edits, and
 * publish/subscribe so every instance drops a user's cached view when another one changed it.
 */
export interface LibraryState {
  readonly storage: Storage;
  lock(name: string, leaseMs: number): Promise<{ release(): Promise<void> } | null>;
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, listener: (message: string) => void): () => void;
}

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

const LEASE_MS = 10_000;
const WAIT_MS = 10_000;

/** Runs `task` holding the user's library lock, waiting (bounded) while another request holds it. */
export async function withUserLock<T>(
  state: LibraryState,
  userId: string,
  task: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    const held = await state.lock(`library:${userId}`, LEASE_MS);
    if (held) {
      try {
        return await task();
      } finally {
        await held.release();
      }
    }
    if (Date.now() > deadline) throw new Error(`[library] the library of ${userId} stays locked`);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
