import { join } from 'node:path';
import { createStorage, type Storage } from 'unstorage';
import fsDriver from 'unstorage/drivers/fs-lite';
import memoryDriver from 'unstorage/drivers/memory';
import type { Config } from '../config.ts';
import type { AudioStore } from './audio-store.ts';
import { createChunkedAudioStore } from './chunked-audio-store.ts';
import { createFsAudioStore } from './fs-audio-store.ts';

export interface Stores {
  /** The music folder, as scanned. */
  source: AudioStore;
  /** What the stream route reads from: the folder itself, or chunked copies of its files. */
  audio: AudioStore;
  /** Where the catalog and covers are kept. */
  catalogStorage: Storage;
  dispose(): Promise<void>;
}

/** Builds the stores the configuration names. The driver is configuration, not code. */
export function createStores(config: Config, log?: { warn(message: string): void }): Stores {
  const source = createFsAudioStore(config.musicDir, {
    followSymlinks: config.followSymlinks,
    log,
  });
  const audio =
    config.storage === 'fs'
      ? source
      : createChunkedAudioStore(createStorage({ driver: memoryDriver() }), { name: 'memory' });
  const catalogStorage = createStorage({
    driver:
      config.catalogStore === 'fs'
        ? fsDriver({ base: join(config.cacheDir, 'catalog') })
        : memoryDriver(),
  });
  return {
    source,
    audio,
    catalogStorage,
    async dispose() {
      await Promise.all([
        source.dispose?.(),
        audio !== source && audio.dispose?.(),
        catalogStorage.dispose(),
      ]);
    },
  };
}
