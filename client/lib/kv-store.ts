import { clear, createStore, del, get, set, type UseStore } from 'idb-keyval';

/** A small async key-value store: IndexedDB in the page, a Map in tests. */
export interface AsyncStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

let store: UseStore | undefined;

/**
 * The page's own IndexedDB store (`tapedeck-library`), apart from the worker's: what the library
 * keeps between visits (plays not yet sent: ids and times, no titles). Opened on first use.
 */
export function libraryStore(): AsyncStore {
  const db = () => {
    store ??= createStore('tapedeck-library', 'kv');
    return store;
  };
  return {
    get: <T>(key: string) => get<T>(key, db()).catch(() => undefined),
    set: (key, value) => set(key, value, db()).catch(() => {}),
    delete: (key) => del(key, db()).catch(() => {}),
  };
}

/** Empties the page's store (sign-out, another user): its records name a user's songs. */
export function clearLibraryStore(): Promise<void> {
  store ??= createStore('tapedeck-library', 'kv');
  return clear(store).catch(() => {});
}

/** In memory, for tests and browsers without IndexedDB. */
export function memoryStore(): AsyncStore {
  const map = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => structuredClone(map.get(key)) as T | undefined,
    set: async (key, value) => void map.set(key, structuredClone(value)),
    delete: async (key) => void map.delete(key),
  };
}
