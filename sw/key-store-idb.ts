/**
 * The keyring's IndexedDB store in the worker (idb-keyval: one small key/value store, nothing to
 * hand-write). A CryptoKey is stored as itself (structured clone keeps it non-extractable). Where
 * the engine refuses to store one, the keyring lives in memory only: copies still open while the
 * worker runs, and the key is fetched again after a restart when online.
 */
import { createStore, del, get, set } from 'idb-keyval';
import { KEY_DB } from './cache-names.ts';
import type { KeyringState, KeyStore } from './keyring.ts';

const ITEM = 'keyring';

export function createIdbKeyStore(): KeyStore {
  const store = createStore(KEY_DB, 'keys');
  let fallback: KeyringState | undefined;
  let memoryOnly = false;
  return {
    get: () => (memoryOnly ? Promise.resolve(fallback) : get(ITEM, store)),
    async set(state) {
      try {
        await set(ITEM, state, store);
        memoryOnly = false;
      } catch (error) {
        console.warn('[tapedeck] cannot keep the offline key in IndexedDB', error);
        memoryOnly = true;
        fallback = state;
      }
    },
    async delete() {
      fallback = undefined;
      await del(ITEM, store);
    },
  };
}
