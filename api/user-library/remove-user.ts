import { type StateStore, withLock } from '../state/state-store.ts';
import { docKey } from './library-state.ts';

/** Libraries whose account is being or has been removed: `removed-libraries:<userId>`. */
const MARKS = 'removed-libraries';
/**
 * How long a removal waits for the user's library lock before leaving the deletion to the sweep.
 * Library writes hold it for milliseconds; the account is already gone by then.
 */
const REMOVAL_WAIT_MS = 2000;

/**
 * Deletes every per-user document of `userId` (favourites, plays, playlists, queue, revision) from
 * the state store, under the user's library lock: everything under the user's key prefix, so a
 * playlist a crash left out of the list goes too. The revision goes last: an instance holding the
 * user's library in memory finds no revision where it knew one, and reads the (now empty)
 * documents again.
 */
export async function removeUserLibrary(
  state: StateStore,
  userId: string,
  { waitMs }: { waitMs?: number } = {},
): Promise<void> {
  const { storage } = state;
  const revision = docKey(userId, 'revision');
  await withLock(
    state,
    `library:${userId}`,
    async () => {
      const keys = await storage.getKeys(docKey(userId, ''));
      await Promise.all(
        keys.filter((key) => key !== revision).map((key) => storage.removeItem(key)),
      );
      await storage.removeItem(revision);
    },
    { waitMs },
  );
}

/**
 * Removes an account (`removeAccount`, which may refuse: the last admin) and then its library
 * (API and `npm run user remove`), never leaving the library behind: the library is marked for
 * removal before the account goes, and a deletion that fails after it (the library's lock busy,
 * the store unreachable) is left to `sweepRemovedLibraries` instead of failing a removal that has
 * happened. A refused removal keeps both.
 */
export async function removeAccountAndLibrary<T>(
  state: StateStore,
  userId: string,
  removeAccount: () => Promise<T>,
): Promise<T> {
  const mark = `${MARKS}:${userId}`;
  await state.storage.setItem(mark, { at: new Date().toISOString() });
  let removed: T;
  try {
    removed = await removeAccount();
  } catch (error) {
    await state.storage.removeItem(mark).catch(() => {}); // a mark left here is harmless (see sweep)
    throw error;
  }
  try {
    await removeUserLibrary(state, userId, { waitMs: REMOVAL_WAIT_MS });
    await state.storage.removeItem(mark);
  } catch {
    // Left marked: the sweep deletes it (at the next start of any instance, or within minutes).
  }
  return removed;
}

/**
 * Deletes the libraries marked for removal whose account is gone, and their marks (at start and
 * every few minutes, on every instance: deleting twice is harmless). A mark whose account still
 * exists (a removal in progress, or refused) is left alone. Answers how many were deleted.
 */
export async function sweepRemovedLibraries(
  state: StateStore,
  accountExists: (userId: string) => Promise<boolean>,
): Promise<number> {
  let deleted = 0;
  for (const mark of await state.storage.getKeys(MARKS)) {
    const userId = mark.slice(MARKS.length + 1);
    try {
      if (!userId || (await accountExists(userId))) continue;
      await removeUserLibrary(state, userId);
      await state.storage.removeItem(mark);
      deleted++;
    } catch {
      // Still busy or unreachable: the next sweep tries again.
    }
  }
  return deleted;
}
