import { createHash } from 'node:crypto';
import type { Storage } from 'unstorage';
import { normalizePicture } from './normalize-picture.ts';

const PREFIX = 'pictures';

/** Content hash of an embedded picture: an album's tracks share one stored copy. */
export function pictureIdOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
}

export const PICTURE_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/**
 * Cover pictures in the catalog storage, one per distinct picture, keyed by the hash of the
 * original. `add` normalises each new picture once (concurrent adds of one picture share the
 * work) and answers the id to record, or null when the placeholder is to be shown.
 */
export function createPictureStore(storage: Storage) {
  const pending = new Map<string, Promise<string | null>>();
  const key = (id: string) => `${PREFIX}:${id}`;

  async function store(id: string, original: Uint8Array): Promise<string | null> {
    if (await storage.hasItem(key(id))) return id;
    const kept = await normalizePicture(original);
    if (!kept) return null;
    await storage.setItemRaw(key(id), kept);
    return id;
  }

  return {
    add(original: Uint8Array): Promise<string | null> {
      const id = pictureIdOf(original);
      let result = pending.get(id);
      if (!result) {
        result = store(id, original);
        pending.set(id, result);
      }
      return result;
    },
    async get(id: string): Promise<Uint8Array | null> {
      const bytes = await storage.getItemRaw<Uint8Array>(key(id));
      return bytes ? new Uint8Array(bytes) : null;
    },
    /** Removes pictures no song refers to any more; ends the scan's memo of added pictures. */
    async prune(used: ReadonlySet<string>): Promise<number> {
      pending.clear();
      let removed = 0;
      for (const stored of await storage.getKeys(PREFIX)) {
        const id = stored.slice(PREFIX.length + 1);
        if (used.has(id)) continue;
        await storage.removeItem(stored);
        removed++;
      }
      return removed;
    },
  };
}

export type PictureStore = ReturnType<typeof createPictureStore>;
