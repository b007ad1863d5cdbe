/**
 * Brings every kept entry under the current offline key, in the background:
 * - migration: a plain chunk, catalog page or cover (kept before sealing existed) is sealed in
 *   place; until then it is never served (chunk-store and seal-plugin seal it first, or miss);
 * - rotation: after a password change the server hands a new key; what the old one sealed is
 *   opened with it and sealed again with the new one, so offline songs survive the change, and the
 *   old key is forgotten once nothing needs it.
 * An entry that cannot be opened with any key held, or a plain chunk that does not fit its song,
 * is dropped (it reads as missing anyway). The walk stops at once if the key changes meanwhile
 * (a sign-out destroys it).
 */
import { CATALOG_CACHE, COVER_CACHE, songCacheName } from './cache-names.ts';
import { chunkLength, parseChunkKey } from './chunks.ts';
import type { Keyring, OfflineKey } from './keyring.ts';
import type { CacheStorageLike, MetaStore } from './meta-store.ts';
import type { EntryKind } from './seal.ts';
import { frameResponse, openEntry, sealEntry, sealKeyId } from './sealed-entry.ts';
import type { SongIndex } from './song-index.ts';

export interface ResealDeps {
  caches: CacheStorageLike;
  keyring: Keyring;
  index: SongIndex;
  /** Remembers the key everything was last sealed under, so a worker start walks nothing. */
  meta: MetaStore;
}

const DONE_KEY = 'settings/sealed-under';

/**
 * Returns `reseal()`: resolves once every entry is sealed under the current key (one walk at a
 * time; none when the last complete walk was for this key).
 */
export function createResealer(deps: ResealDeps): () => Promise<void> {
  const { caches, keyring, index, meta } = deps;
  let running: Promise<void> | null = null;

  /** The entry's plain bytes, or null when it must go. */
  const plainOf = async (kind: EntryKind, url: string, response: Response) => {
    if (sealKeyId(response) === null)
      return kind === 'chunk' ? plainChunk(url, response) : frame(response);
    const opened = await openEntry(keyring, kind, url, response);
    return opened.status === 'open' ? opened.bytes : null;
  };
  const plainChunk = async (url: string, response: Response) => {
    const key = parseChunkKey(url);
    const record = key ? index.get(key.id) : undefined;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const fits =
      key !== null &&
      record?.etag === key.etag &&
      bytes.byteLength === chunkLength(key.index, record.size);
    return fits ? bytes : null;
  };
  const frame = (response: Response) =>
    response.status === 200 ? frameResponse(response) : Promise.resolve(null);

  /** False when the walk must stop (the current key changed). */
  const walk = async (cacheName: string, kind: EntryKind, key: OfflineKey) => {
    if (!(await caches.has(cacheName))) return true;
    const cache = await caches.open(cacheName);
    for (const request of await cache.keys()) {
      if (keyring.current()?.id !== key.id) return false;
      const response = await cache.match(request);
      if (!response || sealKeyId(response) === key.id) continue;
      const plain = await plainOf(kind, request.url, response).catch(() => null);
      if (keyring.current()?.id !== key.id) return false;
      if (plain) await cache.put(request.url, await sealEntry(key, kind, request.url, plain));
      else await cache.delete(request);
    }
    return true;
  };

  const run = async () => {
    const key = keyring.current();
    if (!key || keyring.locked()) return;
    if ((await meta.get(DONE_KEY).catch(() => null)) === key.id) return;
    const walks: Array<[string, EntryKind]> = [
      ...index.all().map((r): [string, EntryKind] => [songCacheName(r.id), 'chunk']),
      [CATALOG_CACHE, 'response'],
      [COVER_CACHE, 'response'],
    ];
    for (const [name, kind] of walks) if (!(await walk(name, kind, key))) return;
    if (keyring.current()?.id !== key.id) return;
    await keyring.dropOlder();
    await meta.put(DONE_KEY, key.id);
  };

  return () => {
    running ??= run()
      .catch(() => {})
      .finally(() => {
        running = null;
      });
    return running;
  };
}
