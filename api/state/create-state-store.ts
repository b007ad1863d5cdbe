import { join } from 'node:path';
import { createFsStateStore } from './fs-state-store.ts';
import { createMemoryStateStore } from './memory-state-store.ts';
import type { StateStore, StateStoreKind } from './state-store.ts';

export interface StateStoreSettings {
  stateStore: StateStoreKind;
  cacheDir: string;
  /** Needed for `redis` (config.ts checks that it is set). */
  redisUrl: string | null;
}

/**
 * The state store the configuration names (STATE_STORE): fs in CACHE_DIR/state or memory (one
 * process), or Redis at REDIS_URL (every instance sees the same state). The Redis store is imported
 * only then: ioredis costs about 0.1 s of CPU at every start that has no use for it.
 */
export async function createStateStore(settings: StateStoreSettings): Promise<StateStore> {
  switch (settings.stateStore) {
    case 'fs':
      return createFsStateStore(join(settings.cacheDir, 'state'));
    case 'memory':
      return createMemoryStateStore();
    case 'redis':
      if (!settings.redisUrl) throw new Error('STATE_STORE=redis needs REDIS_URL');
      return (await import('./redis-state-store.ts')).createRedisStateStore(settings.redisUrl);
  }
}
