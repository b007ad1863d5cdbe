import { type StateStore, withLock } from '../state/state-store.ts';
import { docKey } from './library-state.ts';

/**
 * Deletes every per-user document of `userId` (favourites, plays, playlists, queue, revision) from
 * the state store, under the user's library lock: everything under the user's key prefix, so a
 * playlist a crash left out of the list goes too. Called when an account is removed (API and
 * `npm run user remove`). The revision goes last: an instance holding the user's library in memory
 * finds no revision where it knew one, and reads the (now empty) documents again.
 */
export async function removeUserLibrary(state: StateStore, userId: string): Promise<void> {
  const { storage } = state;
  const revision = docKey(userId, 'revision');
  await withLock(state, `library:${userId}`, async () => {
    const keys = await storage.getKeys(docKey(userId, ''));
    await Promise.all(keys.filter((key) => key !== revision).map((key) => storage.removeItem(key)));
    await storage.removeItem(revision);
  });
}
