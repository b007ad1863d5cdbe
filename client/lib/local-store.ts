/** A small key-value store: localStorage in the page, a stub in tests. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * localStorage, or null where it is disabled. Its first use loads the origin's storage
 * synchronously (about 17 ms on a 4× throttled phone here): callers keep it off the start-up path.
 */
export function localStore(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
