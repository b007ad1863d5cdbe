import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScanCoordinator } from '../../../api/scan/scan-coordinator.ts';
import { createRedisStateStore } from '../../../api/state/redis-state-store.ts';
import type { StateStore } from '../../../api/state/state-store.ts';
import { startTestRedis, type TestRedis } from '../../helpers/redis.ts';
import { waitUntil } from '../../helpers/wait-until.ts';

const quiet = { info() {}, warn() {} };

/** Two instances (two coordinators, each with its own Redis connections) on one real Redis. */
describe('scan coordination across instances', () => {
  let redis: TestRedis;
  const stores: StateStore[] = [];
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.dispose()));
    await redis?.close();
  });

  /** `over`: the instance's own store, wrapped by the test (default: a new connection). */
  function instance(
    prefix: string,
    scan: () => Promise<void>,
    { over, pollMs = 200 }: { over?: (store: StateStore) => StateStore; pollMs?: number } = {},
  ) {
    const store = createRedisStateStore(redis.url, { prefix });
    stores.push(store);
    const reloads = { count: 0 };
    const coordinator = createScanCoordinator({
      state: over ? over(store) : store,
      reload: async () => {
        reloads.count++;
      },
      log: quiet,
      leaseMs: 1000,
      pollMs,
    });
    const scanned = async () => {
      await scan();
      return 'scanned';
    };
    const rescan = () => coordinator.exclusive(scanned, 'busy');
    return { coordinator, rescan, reloads };
  }

  it('runs one scan at a time, even one that outlasts its lease (renewed while it runs)', async () => {
    let finish = () => {};
    let running = 0;
    let most = 0;
    const slowScan = () =>
      new Promise<void>((resolve) => {
        running++;
        most = Math.max(most, running);
        finish = () => {
          running--;
          resolve();
        };
      });
    const a = instance('one', slowScan);
    const b = instance('one', slowScan);
    const first = a.rescan();
    await waitUntil(() => running === 1, 'the first scan to start');
    // Two and a half leases long: without renewal the lock would be free again.
    for (let i = 0; i < 10; i++) {
      expect(await b.rescan()).toBe('busy');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    finish();
    expect(await first).toBe('scanned');
    expect(most).toBe(1);
    a.coordinator.dispose();
    b.coordinator.dispose();
  });

  it('another instance reloads the catalog after a scan, and not after its own', async () => {
    const a = instance('two', async () => {});
    const b = instance('two', async () => {});
    expect(await a.rescan()).toBe('scanned');
    await waitUntil(() => b.reloads.count === 1, 'the other instance to reload');
    expect(a.reloads.count).toBe(0);
    expect(await b.rescan()).toBe('scanned');
    await waitUntil(() => a.reloads.count === 1, 'the first instance to reload');
    expect(b.reloads.count).toBe(1);
    a.coordinator.dispose();
    b.coordinator.dispose();
  });

  it('an instance loads a scan that ended between its catalog load and its first version read', async () => {
    // The interleaving fixed in caf42a9, made deterministic: B has loaded its catalog (before
    // its coordinator exists); A's scan ends and publishes while B's subscription is not live yet
    // and B's first read of the version is held back; only then does that read answer. Taking
    // that version as already loaded (`known ??= version`) would leave B on the old catalog.
    const a = instance('four', async () => {});
    let openGate = () => {};
    const gate = new Promise<void>((resolve) => {
      openGate = resolve;
    });
    let heldReads = 0;
    let answered = 0;
    const held = (store: StateStore): StateStore => {
      const storage = Object.create(store.storage) as StateStore['storage'];
      // Every version read (the first, and any poll meanwhile) answers only after A's scan.
      storage.getItem = (async (key: string) => {
        heldReads++;
        await gate;
        const value = await store.storage.getItem(key);
        answered++;
        return value;
      }) as StateStore['storage']['getItem'];
      // A subscription that becomes live only after the gate: A's message is gone by then.
      const subscribe: StateStore['subscribe'] = (channel, listener) => {
        let stop: (() => void) | null = null;
        let stopped = false;
        void gate.then(() => {
          if (!stopped) stop = store.subscribe(channel, listener);
        });
        return () => {
          stopped = true;
          stop?.();
        };
      };
      return { ...store, storage, subscribe };
    };
    const b = instance('four', async () => {}, { over: held, pollMs: 50 });
    await waitUntil(() => heldReads === 1, "B's first version read to be sent");
    expect(await a.rescan()).toBe('scanned');
    openGate();
    // Several polls after the gate opened: they all see the version the first read saw, so
    // without the fix none of them reloads either.
    const sent = heldReads;
    await waitUntil(() => answered >= sent + 3, 'B to read the version a few more times');
    expect(b.reloads.count).toBe(1);
    a.coordinator.dispose();
    b.coordinator.dispose();
  });

  it('an instance that missed the message catches up from the version key', async () => {
    const a = instance('three', async () => {});
    // Deaf to pub/sub: only the poll of the version can tell it.
    const deaf = (store: StateStore): StateStore => ({ ...store, subscribe: () => () => {} });
    const b = instance('three', async () => {}, { over: deaf, pollMs: 100 });
    await a.rescan();
    await waitUntil(() => b.reloads.count === 1, 'the poll to notice the new version');
    a.coordinator.dispose();
    b.coordinator.dispose();
  });
});
