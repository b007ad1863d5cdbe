import { QUEUE_SENT_KEY } from '../controllers/queue-sync.ts';
import { clearLibraryStore } from './kv-store.ts';

/**
 * Deletes what the page keeps of the signed-in user's library besides the worker's caches: the
 * IndexedDB records (plays not yet sent) and the fingerprint of the last queue saved. Called by the session before a sign-out or another user's library.
 */
export async function forgetLocalLibrary(): Promise<void> {
  await clearLibraryStore();
  try {
    globalThis.localStorage?.removeItem(QUEUE_SENT_KEY);
  } catch {
    // storage disabled: nothing was kept
  }
}
