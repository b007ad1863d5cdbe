import { createStorage } from 'unstorage';
import memoryDriver from 'unstorage/drivers/memory';
import { createLocalCoordination } from './local-coordination.ts';
import type { StateStore } from './state-store.ts';

/** Everything in this process's memory: tests, and a server that may forget accounts on restart. */
export function createMemoryStateStore(now?: () => number): StateStore {
  const storage = createStorage({ driver: memoryDriver() });
  const local = createLocalCoordination(now);
  return {
    storage,
    ...local,
    async dispose() {
      local.dispose();
      await storage.dispose();
    },
  };
}
