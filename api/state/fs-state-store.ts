import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import fsLiteDriver from 'unstorage/drivers/fs-lite';
import { createLocalStateStore } from './local-coordination.ts';
import type { StateStore } from './state-store.ts';

/**
 * Documents as files under `dir` (CACHE_DIR/state), readable by the server's user only (they hold
 * password hashes). Counters, locks and pub/sub live in this process: one instance per folder.
 */
export function createFsStateStore(dir: string, now?: () => number): StateStore {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return createLocalStateStore(atomicFsDriver(dir), now);
}

/**
 * unstorage's fs-lite driver with whole-file writes: fs-lite writes in place, so a crash (or a
 * reader) in the middle of a write sees half a user record. Each document is written to a
 * temporary file beside the folder and renamed over the old one, which POSIX makes atomic.
 */
function atomicFsDriver(base: string) {
  const driver = fsLiteDriver({ base });
  const scratch = `${base}.tmp`;
  const pathOf = (key: string) => join(base, key.replace(/:/g, '/'));
  const write = async (key: string, value: string | Uint8Array) => {
    if (/\.\.:|\.\.$|^\.\./.test(key)) throw new Error(`[state] [fs] invalid key ${key}`);
    const target = pathOf(key);
    const temporary = join(scratch, randomBytes(8).toString('hex'));
    await mkdir(scratch, { recursive: true, mode: 0o700 });
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    await writeFile(temporary, value, { mode: 0o600 });
    try {
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  };
  return {
    ...driver,
    name: 'state-fs',
    setItem: (key: string, value: string) => write(key, value),
    setItemRaw: (key: string, value: Uint8Array) => write(key, value),
  };
}
