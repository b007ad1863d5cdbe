import memoryDriver from 'unstorage/drivers/memory';
import { createLocalStateStore } from './local-coordination.ts';
import type { StateStore } from './state-store.ts';

/** Everything in this process's memory: tests, and a server that may forget accounts on restart. */
export function createMemoryStateStore(now?: () => number): StateStore {
  return createLocalStateStore(memoryDriver(), now);
}
