/**
 * Cheap equality for the flat records the page gets from the API and the worker (songs, offline
 * states): answers that did not change must not re-render the library.
 */

/**
 * Same own keys with `Object.is` values; arrays (a song's `genres`) are compared element by element
 * (the records hold primitives, null and arrays of primitives only).
 */
export function shallowEqual(a: object, b: object): boolean {
  if (a === b) return true;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  return keysA.every((key) => Object.hasOwn(b, key) && sameValue(recordA[key], recordB[key]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
  }
  return Object.is(a, b);
}

/** The same objects in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** The same keys, each with a shallow-equal value. */
export function sameRecords<K, V extends object>(
  a: ReadonlyMap<K, V>,
  b: ReadonlyMap<K, V>,
): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [key, value] of a) {
    const other = b.get(key);
    if (other === undefined || !shallowEqual(value, other)) return false;
  }
  return true;
}
