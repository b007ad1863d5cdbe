import type { BrowserAdapter } from '../adapters/types.ts';

/** What a page of the origin can read of the worker's storage. */
export interface StorageDump {
  /** Every Cache Storage body and every binary or text value in IndexedDB, by where it was. */
  blobs: Array<{ name: string; bytes: Buffer }>;
  /** Every CryptoKey found in IndexedDB, and whether script could read its bytes. */
  keys: Array<{ name: string; extractable: boolean; exported: boolean }>;
  /** Cache names, and the URLs of the entries of caches named `tapedeck-*`. */
  caches: string[];
  ownEntries: string[];
}

/**
 * Page function: reads everything the origin keeps, as an attacker with the page (or a copy of the
 * profile opened by another page) could: every entry of every cache, every value of every object
 * store of every IndexedDB database, binary leaves and strings as base64.
 */
export const readAllStorage = async () => {
  const toBase64 = (bytes: ArrayBuffer | ArrayBufferView) =>
    new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
      reader.readAsDataURL(new Blob([bytes as ArrayBuffer]));
    });
  const blobs: Array<{ name: string; base64: string }> = [];
  const keys: Array<{ name: string; extractable: boolean; exported: boolean }> = [];
  const ownEntries: string[] = [];
  const cacheNames = await caches.keys();
  for (const cacheName of cacheNames) {
    const cache = await caches.open(cacheName);
    for (const request of await cache.keys()) {
      if (cacheName.startsWith('tapedeck-')) ownEntries.push(`${cacheName} ${request.url}`);
      const response = await cache.match(request);
      const bytes = response ? await response.arrayBuffer() : new ArrayBuffer(0);
      blobs.push({ name: `cache ${cacheName} ${request.url}`, base64: await toBase64(bytes) });
    }
  }
  const walk = async (name: string, value: unknown): Promise<void> => {
    if (value instanceof CryptoKey) {
      const exported = await crypto.subtle.exportKey('raw', value).then(
        () => true,
        () => false,
      );
      keys.push({ name, extractable: value.extractable, exported });
    } else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      blobs.push({ name, base64: await toBase64(value) });
    } else if (value instanceof Blob) {
      blobs.push({ name, base64: await toBase64(await value.arrayBuffer()) });
    } else if (typeof value === 'string') {
      blobs.push({ name, base64: await toBase64(new TextEncoder().encode(value)) });
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) await walk(`${name}.${key}`, inner);
    }
  };
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = await request(indexedDB.open(info.name));
    for (const store of Array.from(db.objectStoreNames)) {
      const values = await request(db.transaction(store).objectStore(store).getAll());
      for (const [i, value] of values.entries())
        await walk(`idb ${info.name}/${store}[${i}]`, value);
    }
    db.close();
  }
  return { blobs, keys, caches: cacheNames, ownEntries };
};

export async function dumpStorage(browser: BrowserAdapter): Promise<StorageDump> {
  const dump = await browser.evaluate(readAllStorage);
  return {
    ...dump,
    blobs: dump.blobs.map((b) => ({ name: b.name, bytes: Buffer.from(b.base64, 'base64') })),
  };
}
