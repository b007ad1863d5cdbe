import { join } from 'node:path';
import { createStorage, type Storage } from 'unstorage';
import fsDriver from 'unstorage/drivers/fs-lite';
import memoryDriver from 'unstorage/drivers/memory';
import type { Config } from '../config.ts';
import type { AudioStore } from './audio-store.ts';
import { createChunkedAudioStore } from './chunked-audio-store.ts';
import { createFsAudioStore } from './fs-audio-store.ts';
import { createS3AudioStore } from './s3/s3-audio-store.ts';

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
export async function createStores(
  config: Config,
  log?: { warn(message: string): void },
): Promise<Stores> {
  // With S3 the bucket is both what is scanned and what is streamed.
  const source = config.s3
    ? createS3AudioStore(config.s3)
    : createFsAudioStore(config.musicDir, { followSymlinks: config.followSymlinks, log });
  const audio =
    config.storage === 'memory'
      ? createChunkedAudioStore(createStorage({ driver: memoryDriver() }), { name: 'memory' })
      : source;
  const catalogStorage = createStorage({ driver: await catalogDriver(config) });
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

async function catalogDriver(config: Config) {
  switch (config.catalogStore) {
    case 'fs':
      return fsDriver({ base: join(config.cacheDir, 'catalog') });
    case 'redis': {
      // Every instance reads the catalog one scan wrote (see api/scan/scan-coordinator.ts).
      // Imported only then: the driver's ioredis costs every other start about 0.1 s of CPU.
      const { default: redisDriver } = await import('unstorage/drivers/redis');
      return redisDriver({
        url: config.redisUrl!,
        base: 'tapedeck:catalog',
        maxRetriesPerRequest: 1,
        connectTimeout: 5000,
      });
    }
    case 'memory':
      return memoryDriver();
  }
}
