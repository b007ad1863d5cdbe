import { join } from 'node:path';
import { createFsStateStore } from './fs-state-store.ts';
import { createMemoryStateStore } from './memory-state-store.ts';
import type { StateStore, StateStoreKind } from './state-store.ts';

/** The state store the configuration names (STATE_STORE): fs in CACHE_DIR/state, or memory. */
export function createStateStore(kind: StateStoreKind, cacheDir: string): StateStore {
  return kind === 'fs' ? createFsStateStore(join(cacheDir, 'state')) : createMemoryStateStore();
}
