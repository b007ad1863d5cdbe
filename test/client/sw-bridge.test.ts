import { afterEach, describe, expect, it, vi } from 'vitest';
import { SwBridge } from '../../client/sw-bridge.ts';
import { OFFLINE_CHANNEL, type OfflineState, type WorkerToPage } from '../../sw/protocol.ts';

const state = (id: string, status: OfflineState['status']): OfflineState => ({
  id,
  status,
  cachedBytes: status === 'complete' ? 100 : 0,
  size: 100,
  downloading: false,
  pinned: false,
});

/** Channels of the current test, closed after it even when it failed half-way. */
const opened: Array<() => void> = [];

/** A page whose service worker container is a stub; `controlled` says whether a worker controls it. */
function open(controlled: boolean) {
  const posted: unknown[] = [];
  const controller = controlled ? { postMessage: (m: unknown) => posted.push(m) } : null;
  vi.stubGlobal('navigator', {
    serviceWorker: { controller, addEventListener: () => {}, ready: new Promise(() => {}) },
  });
  const bridge = new SwBridge();
  const worker = new BroadcastChannel(OFFLINE_CHANNEL);
  const changes: number[] = [];
  bridge.addEventListener('change', () => changes.push(Date.now()));
  const send = (message: WorkerToPage) => worker.postMessage(message);
  const close = () => worker.close();
  opened.push(close);
  return { bridge, posted, changes, send, close };
}

/** Waits for a state; a wait that runs out fails with what it waited for, never silently. */
const until = async (condition: () => boolean, what: string, ms = 2000) => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() >= deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

afterEach(() => {
  for (const close of opened.splice(0)) close();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('SwBridge: are the offline states known?', () => {
  it('on a page no worker controls, yes from the start (nothing is kept yet)', () => {
    const { bridge, posted, close } = open(false);
    expect(bridge.statesKnown).toBe(true);
    expect(posted).toEqual([]);
    close();
  });

  it('on a controlled page, not until the worker lists them; its answer is published at once', async () => {
    const { bridge, posted, changes, send, close } = open(true);
    expect(bridge.statesKnown).toBe(false);
    expect(posted).toContainEqual({ type: 'GET_STATES' });
    send({ type: 'ALL_STATES', states: [state('a', 'complete')] });
    await until(() => changes.length > 0, 'a change event');
    expect(bridge.statesKnown).toBe(true);
    expect(bridge.states.get('a')?.status).toBe('complete');
    close();
  });

  it('progress or a storage report alone does not count as knowing every state', async () => {
    const { bridge, changes, send, close } = open(true);
    send({ type: 'SONG_STATE', state: state('a', 'partial') });
    await until(() => changes.length > 0, 'a change event');
    expect(changes).toHaveLength(1);
    expect(bridge.statesKnown).toBe(false);
    close();
  });

  it('an unchanged answer keeps the same states object, so nothing re-renders', async () => {
    const { bridge, changes, send, close } = open(true);
    send({ type: 'ALL_STATES', states: [state('a', 'complete')] });
    await until(() => changes.length > 0, 'a change event');
    const first = bridge.states;
    send({ type: 'ALL_STATES', states: [state('a', 'complete')] });
    await until(() => changes.length > 1, 'a second change event');
    expect(bridge.states).toBe(first);
    send({ type: 'ALL_STATES', states: [state('a', 'partial')] });
    await until(() => changes.length > 2, 'a third change event');
    expect(bridge.states).not.toBe(first);
    close();
  });

  it('a worker that never answers is not waited for more than 3 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { bridge, close } = open(true);
    vi.advanceTimersByTime(2900);
    expect(bridge.statesKnown).toBe(false);
    vi.advanceTimersByTime(200);
    expect(bridge.statesKnown).toBe(true);
    close();
  });
});

describe('SwBridge: signing in and out', () => {
  /** A controlled page whose worker answers DONE after `delayMs`, or never (`null`). */
  function page(delayMs: number | null) {
    const posted: unknown[] = [];
    const controller = {
      postMessage(message: unknown, transfer?: MessagePort[]) {
        posted.push(message);
        const port = transfer?.[0];
        if (port && delayMs !== null) setTimeout(() => port.postMessage({ type: 'DONE' }), delayMs);
      },
    };
    const deleted: string[] = [];
    const databases: string[] = [];
    vi.stubGlobal('navigator', {
      serviceWorker: { controller, addEventListener: () => {}, ready: new Promise(() => {}) },
    });
    vi.stubGlobal('caches', {
      keys: async () => [
        'tapedeck-chunks-v1:a',
        'tapedeck-meta-v1',
        'workbox-precache-v2',
        'other',
      ],
      delete: async (name: string) => deleted.push(name) > 0,
    });
    vi.stubGlobal('indexedDB', {
      deleteDatabase(name: string) {
        databases.push(name);
        const request: Record<string, (() => void) | null> = { onsuccess: null };
        setTimeout(() => request['onsuccess']?.(), 1);
        return request;
      },
    });
    const bridge = new SwBridge();
    opened.push(() => {});
    return { bridge, posted, deleted, databases };
  }

  it('signedIn posts the user id and resolves once the worker is done', async () => {
    const { bridge, posted } = page(20);
    let settled = false;
    const signing = bridge.signedIn({ id: 'u1', username: 'ada' }).then(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(settled).toBe(false);
    await signing;
    expect(posted).toContainEqual({ type: 'SIGNED_IN', user: { id: 'u1' } });
  });

  it('signOut waits for the worker to wipe, and the page then knows no song is kept', async () => {
    const { bridge, posted, deleted } = page(20);
    bridge.states = new Map([['a', state('a', 'complete')]]);
    await bridge.signOut();
    expect(posted).toContainEqual({ type: 'SIGN_OUT' });
    expect(deleted).toEqual([]); // the worker did it
    expect(bridge.states.size).toBe(0);
  });

  it('signOut without an answering worker deletes the key database and our caches itself', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { bridge, deleted, databases } = page(null);
    const signingOut = bridge.signOut();
    await vi.advanceTimersByTimeAsync(10_001);
    await signingOut;
    expect(databases).toEqual(['tapedeck-offline']);
    expect(deleted.sort()).toEqual(['tapedeck-chunks-v1:a', 'tapedeck-meta-v1']);
  });
});
