import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createStorage } from 'unstorage';
import memoryDriver from 'unstorage/drivers/memory';
import { createCatalog } from '../../api/catalog/catalog.ts';
import { createPictureStore } from '../../api/covers/picture-store.ts';
import { scanLibrary } from '../../api/scan/scan-library.ts';
import { createFsAudioStore } from '../../api/storage/fs-audio-store.ts';

/**
 * A temporary music folder, a catalog and a picture store over one in-memory storage, and a
 * `scan()` that runs the real scan and keeps the warnings it logged.
 */
export async function createScanSetup(files: Record<string, Uint8Array | string> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'tapedeck-scan-'));
  const write = async (path: string, bytes: Uint8Array | string) => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), bytes);
  };
  for (const [path, bytes] of Object.entries(files)) await write(path, bytes);
  const storage = createStorage({ driver: memoryDriver() });
  const catalog = createCatalog(storage);
  const pictures = createPictureStore(storage);
  const source = createFsAudioStore(dir);
  const warnings: string[] = [];
  const log = { info() {}, warn: (message: string) => void warnings.push(message) };
  return {
    dir,
    storage,
    catalog,
    pictures,
    source,
    warnings,
    write,
    scan: () => scanLibrary({ catalog, source, target: source, pictures, log }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
