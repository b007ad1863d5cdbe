import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { createStorage } from 'unstorage';
import fsDriver from 'unstorage/drivers/fs-lite';
import type { AudioObjectInfo, AudioStore } from './audio-store.ts';
import { storeError } from './audio-store.ts';
import { createFdCache } from './fd-cache.ts';
import { sendFileRange } from './send-file-range.ts';

/** Reads at most this much per syscall: fewer, larger reads for streaming listeners. */
const READ_BUFFER = 64 * 1024;

/**
 * Audio store over a folder. Listing goes through unstorage's fs driver; ranged reads open the file
 * directly because no unstorage driver reads a byte range (`getItemRaw` returns the whole file).
 * The HTTP fast path (`send`) shares one descriptor per file among listeners.
 */
export function createFsAudioStore(base: string): AudioStore {
  const root = resolve(base);
  const storage = createStorage({ driver: fsDriver({ base: root, readOnly: true }) });
  const descriptors = createFdCache();

  function pathOf(key: string): string {
    const path = resolve(root, ...key.split(':'));
    // Same guard as the fs driver: a key never escapes the folder.
    if (!path.startsWith(root + sep)) throw storeError('fs', `invalid key: ${JSON.stringify(key)}`);
    return path;
  }

  async function statKey(key: string): Promise<AudioObjectInfo | null> {
    try {
      const info = await stat(pathOf(key), { bigint: true });
      if (!info.isFile()) return null;
      const version = [info.dev, info.ino, info.size, info.mtimeNs, info.ctimeNs].join('-');
      return { key, size: Number(info.size), mtimeMs: Number(info.mtimeMs), version };
    } catch {
      return null;
    }
  }

  return {
    name: 'fs',
    async list() {
      const keys = await storage.getKeys();
      const infos = await Promise.all(keys.map(statKey));
      return infos.filter((info): info is AudioObjectInfo => info !== null);
    },
    stat: statKey,
    read(key, start, end) {
      return createReadStream(pathOf(key), { start, end, highWaterMark: READ_BUFFER });
    },
    send(key, version, start, end, out) {
      descriptors.acquire(`${key}@${version}`, pathOf(key)).then(
        (lease) => sendFileRange(lease.fd, start, end, out, lease.release),
        (error: Error) => out.destroy(error),
      );
    },
    async dispose() {
      descriptors.closeIdle();
      await storage.dispose();
    },
  };
}
