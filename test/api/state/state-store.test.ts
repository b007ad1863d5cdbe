import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFsStateStore } from '../../../api/state/fs-state-store.ts';
import { createMemoryStateStore } from '../../../api/state/memory-state-store.ts';
import { type StateStore, withLock } from '../../../api/state/state-store.ts';
import { waitUntil } from '../../helpers/wait-until.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'tapedeck-state-'));
  dirs.push(dir);
  return dir;
}

/** Every backend runs the same contract (the Redis backend joins this list). */
const backends: { name: string; create(): Promise<StateStore> }[] = [
  { name: 'memory', create: async () => createMemoryStateStore() },
  { name: 'fs', create: async () => createFsStateStore(join(await tempDir(), 'state')) },
];

describe.each(backends)('state store contract: $name', ({ create }) => {
  it('keeps JSON documents by key, lists them by prefix and removes them', async () => {
    const state = await create();
    await state.storage.setItem('users:a1', { id: 'a1', name: 'Ann' });
    await state.storage.setItem('users:b2', { id: 'b2', name: 'Bob' });
    await state.storage.setItem('sessions:x', { userId: 'a1' });
    expect(await state.storage.getItem('users:a1')).toEqual({ id: 'a1', name: 'Ann' });
    expect((await state.storage.getKeys('users')).sort()).toEqual(['users:a1', 'users:b2']);
    await state.storage.removeItem('users:a1');
    expect(await state.storage.getItem('users:a1')).toBeNull();
    await state.dispose();
  });

  it('counts atomically: 200 concurrent increments give each count once', async () => {
    const state = await create();
    const counts = await Promise.all(
      Array.from({ length: 200 }, () => state.increment('hits', 60_000)),
    );
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    await state.dispose();
  });

  it('expires a counter ttlMs after its first increment, not its last', async () => {
    const state = await create();
    await state.increment('window', 300);
    const first = await state.ttl('window');
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(300);
    await state.increment('window', 300);
    expect(await state.ttl('window')).toBeLessThanOrEqual(first);
    await waitUntil(async () => (await state.ttl('window')) === 0, 'the counter to expire');
    expect(await state.increment('window', 300)).toBe(1);
    await state.reset('window');
    expect(await state.ttl('window')).toBe(0);
    expect(await state.increment('window', 300)).toBe(1);
    await state.dispose();
  });

  it('grants a lock to one holder at a time, and again once released or its lease ends', async () => {
    const state = await create();
    const holders = await Promise.all(Array.from({ length: 10 }, () => state.lock('scan', 60_000)));
    expect(holders.filter(Boolean)).toHaveLength(1);
    await holders.find(Boolean)!.release();
    const short = await state.lock('scan', 100);
    expect(short).not.toBeNull();
    expect(await state.lock('scan', 100)).toBeNull();
    await waitUntil(async () => {
      const next = await state.lock('scan', 60_000);
      if (next) await next.release();
      return next !== null;
    }, 'the lease to end');
    // A holder whose lease ran out must not release the next holder's lock.
    const next = await state.lock('scan', 60_000);
    await short!.release();
    expect(await state.lock('scan', 60_000)).toBeNull();
    await next!.release();
    await state.dispose();
  });

  it('withLock runs tasks one at a time', async () => {
    const state = await create();
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 5 }, () =>
        withLock(state, 'one', async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running--;
        }),
      ),
    );
    expect(most).toBe(1);
    await state.dispose();
  });

  it('delivers published messages to subscribers until they unsubscribe', async () => {
    const state = await create();
    const seen: string[] = [];
    const stop = state.subscribe('auth', (message) => seen.push(message));
    await state.publish('auth', 'one');
    await state.publish('other', 'nope');
    await waitUntil(() => seen.length === 1, 'the first message');
    stop();
    await state.publish('auth', 'two');
    const probe: string[] = [];
    state.subscribe('auth', (message) => probe.push(message));
    await state.publish('auth', 'three');
    await waitUntil(() => probe.length === 1, 'a message to a later subscriber');
    expect(seen).toEqual(['one']);
    await state.dispose();
  });
});

describe('fs state store', () => {
  it('keeps documents across restarts, in files only its user can read', async () => {
    const dir = join(await tempDir(), 'state');
    const first = createFsStateStore(dir);
    await first.storage.setItem('users:a1', { id: 'a1' });
    await first.dispose();
    const second = createFsStateStore(dir);
    expect(await second.storage.getItem('users:a1')).toEqual({ id: 'a1' });
    expect(await second.storage.getKeys()).toEqual(['users:a1']);
    expect((await stat(join(dir, 'users', 'a1'))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    await second.dispose();
  });

  it('writes whole files: concurrent writers never leave a torn document or a temporary file', async () => {
    const dir = join(await tempDir(), 'state');
    const state = createFsStateStore(dir);
    const big = (n: number) => ({ n, pad: String(n).repeat(50_000) });
    const reads: unknown[] = [];
    await Promise.all([
      ...Array.from({ length: 20 }, (_, n) => state.storage.setItem('doc', big(n))),
      ...Array.from({ length: 20 }, async () => reads.push(await state.storage.getItem('doc'))),
    ]);
    for (const value of [...reads, await state.storage.getItem('doc')]) {
      if (value === null) continue;
      const doc = value as { n: number; pad: string };
      expect(doc.pad).toBe(String(doc.n).repeat(50_000));
    }
    expect(await readdir(`${dir}.tmp`)).toEqual([]);
    expect(await state.storage.getKeys()).toEqual(['doc']);
    await state.dispose();
  });

  it('refuses keys that climb out of its folder', async () => {
    const state = createFsStateStore(join(await tempDir(), 'state'));
    await expect(state.storage.setItem('..:..:etc:passwd', 'x')).rejects.toThrow();
    await state.dispose();
  });
});
