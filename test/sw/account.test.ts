import { describe, expect, it } from 'vitest';
import { CHUNK_CACHE_PREFIX, META_CACHE } from '../../sw/cache-names.ts';
import { CHUNK_SIZE, chunkCount } from '../../sw/chunks.ts';
import { expectBytes, ORIGIN, songBytes, TEST_USER } from './fake-server.ts';
import { createHarness } from './harness.ts';

const K = CHUNK_SIZE;
const SIZE = 3 * K + 1000;

async function played() {
  const h = createHarness();
  const song = songBytes(SIZE);
  h.server.addSong('s1', song, '"v1"', 'audio/mpeg');
  expectBytes((await h.get('s1')).bytes, song);
  return { h, song };
}

const ourCaches = (h: ReturnType<typeof createHarness>) =>
  [...h.caches.caches.keys()].filter((name) => name.startsWith('tapedeck-'));
const storedEntries = (h: ReturnType<typeof createHarness>) =>
  [...h.caches.caches].flatMap(([name, cache]) =>
    name.startsWith('tapedeck-') ? [...cache.entries.keys()] : [],
  );
const me401 = (reason: string) => Response.json({ error: 'sign in', reason }, { status: 401 });

describe('sign-out', () => {
  it('destroys the key first, then deletes every cache the worker keeps', async () => {
    const { h } = await played();
    const events: string[] = [];
    const deleteKey = h.keyStore.delete;
    h.keyStore.delete = async () => {
      events.push('key');
      await deleteKey();
    };
    const deleteCache = h.caches.delete.bind(h.caches);
    h.caches.delete = async (name: string) => {
      events.push(`cache ${name.replace(/:.*/, ':…')}`);
      return deleteCache(name);
    };
    await h.sw.handleMessage({ type: 'SIGN_OUT' });
    expect(events[0]).toBe('key');
    expect(events).toContain(`cache ${CHUNK_CACHE_PREFIX}…`);
    expect(events).toContain(`cache ${META_CACHE}`);
    expect(h.keyStore.value).toBeUndefined();
    expect(h.sw.keyring.current()).toBeNull();
    expect(storedEntries(h)).toEqual([]);
    expect(h.messages).toContainEqual({ type: 'ALL_STATES', states: [] });
    h.server.state.online = false;
    h.restart();
    expect((await h.get('s1', { Range: 'bytes=0-' })).status).toBe(504);
  });
});

describe('sign-out while a key request is under way', () => {
  it('destroys the key at once, and the late answer does not bring it back', async () => {
    const { h } = await played();
    let release!: () => void;
    h.server.state.keyGate = new Promise((resolve) => {
      release = resolve;
    });
    const signingIn = h.sw.handleMessage({ type: 'SIGNED_IN', user: { id: TEST_USER } });
    await waitUntil(() => h.server.state.keyRequests === 1, 'the key request to be under way');
    const written: number[] = [];
    const set = h.keyStore.set;
    h.keyStore.set = async (state) => {
      written.push(state.keys.length);
      await set(state);
    };
    const signingOut = h.sw.handleMessage({ type: 'SIGN_OUT' });
    await waitUntil(() => h.keyStore.value === undefined, 'the key to be destroyed');
    expect(h.sw.keyring.current(), 'gone while the key answer is still held back').toBeNull();
    release();
    await Promise.all([signingIn, signingOut]);
    expect(
      written.filter((keys) => keys > 0),
      'no key stored again after the sign-out',
    ).toEqual([]);
    expect(h.sw.keyring.current()).toBeNull();
    expect(h.keyStore.value).toBeUndefined();
    expect(storedEntries(h)).toEqual([]);
  });
});

describe('signing in on a browser that keeps copies', () => {
  it('the same user keeps everything', async () => {
    const { h, song } = await played();
    await h.sw.handleMessage({ type: 'SIGNED_IN', user: { id: TEST_USER } });
    h.server.state.online = false;
    const seen = h.server.seen.length;
    expectBytes((await h.get('s1')).bytes, song);
    expect(h.server.seen.length).toBe(seen);
  });

  it('another user starts empty, and what they play is sealed under their key', async () => {
    const { h, song } = await played();
    h.server.signIn('u2');
    await h.sw.handleMessage({ type: 'SIGNED_IN', user: { id: 'u2' } });
    expect(storedEntries(h)).toEqual([]);
    expect(h.sw.index.all()).toEqual([]);
    expect(h.sw.keyring.userId()).toBe('u2');
    const before = h.server.seen.length;
    expectBytes((await h.get('s1')).bytes, song);
    expect(h.server.seen.length - before).toBe(chunkCount(SIZE));
    expect(h.caches.urls(CHUNK_CACHE_PREFIX)).toHaveLength(chunkCount(SIZE));
  });

  it('signing in asks for the key anew, not through a request sent before (its 401 is stale)', async () => {
    const h = createHarness({ signedIn: false });
    h.server.state.session = null;
    h.server.state.keyDelayMs = 100;
    await h.sw.ready; // the worker holds no key: it asks at start, under no session
    h.server.signIn(TEST_USER);
    await h.sw.handleMessage({ type: 'SIGNED_IN', user: { id: TEST_USER } });
    expect(h.sw.keyring.current()).not.toBeNull();
    expect(h.sw.keyring.locked()).toBe(false);
  });

  it('a key answer for another user than the owner wipes too (no SIGNED_IN needed)', async () => {
    const { h } = await played();
    h.server.signIn('u2');
    h.server.endSession('session-expired');
    await h.sw.inspect(`${ORIGIN}/api/auth/me`, me401('session-expired'));
    h.server.signIn('u2');
    await h.sw.inspect(`${ORIGIN}/api/songs`, Response.json({ items: [] }));
    await waitUntil(() => h.sw.keyring.userId() === 'u2', 'the worker to adopt u2');
    expect(h.caches.urls(CHUNK_CACHE_PREFIX)).toEqual([]);
  });
});

describe('what the server says about the session', () => {
  it('an expired session locks: nothing kept is served, nothing is deleted; signing in again unlocks', async () => {
    const { h, song } = await played();
    h.server.endSession('session-expired');
    await h.sw.inspect(`${ORIGIN}/api/auth/me`, me401('session-expired'));
    expect(h.sw.keyring.locked()).toBe(true);
    const res = await h.get('s1', { Range: 'bytes=0-' });
    expect(res.status).toBe(401);
    expect(h.caches.urls(CHUNK_CACHE_PREFIX)).toHaveLength(chunkCount(SIZE));
    // A restart keeps the lock (it is kept with the key).
    h.restart();
    expect((await h.get('s1', { Range: 'bytes=0-1' })).status).toBe(401);

    h.server.signIn(TEST_USER);
    await h.sw.handleMessage({ type: 'SIGNED_IN', user: { id: TEST_USER } });
    expect(h.sw.keyring.locked()).toBe(false);
    h.server.state.online = false;
    expectBytes((await h.get('s1')).bytes, song);
  });

  it('a 401 on a stream request locks too, and is passed on, never kept', async () => {
    const { h } = await played();
    h.server.addSong('s2', songBytes(K + 10, 3));
    h.server.endSession('session-expired');
    const res = await h.get('s2', { Range: 'bytes=0-' });
    expect(res.status).toBe(401);
    await waitUntil(() => h.sw.keyring.locked(), 'the lock');
    expect(h.caches.urls(CHUNK_CACHE_PREFIX).some((u) => u.includes('/s2/'))).toBe(false);
    expect(h.sw.index.get('s2')).toBeUndefined();
  });

  it('a removed account wipes at the next online contact', async () => {
    const { h } = await played();
    h.server.endSession('account-removed');
    await h.sw.inspect(`${ORIGIN}/api/auth/me`, me401('account-removed'));
    expect(h.sw.keyring.current()).toBeNull();
    expect(storedEntries(h)).toEqual([]);
    expect(ourCaches(h).filter((n) => n.startsWith(CHUNK_CACHE_PREFIX))).toEqual([]);
  });

  it('a removed account seen on a stream request wipes as well', async () => {
    const { h } = await played();
    h.server.addSong('s2', songBytes(K + 10, 3));
    h.server.endSession('account-removed');
    expect((await h.get('s2', { Range: 'bytes=0-' })).status).toBe(401);
    await waitUntil(() => h.sw.keyring.current() === null, 'the wipe');
    await waitUntil(() => storedEntries(h).length === 0, 'every entry gone');
  });

  it('offline, nothing changes: network errors neither lock nor wipe', async () => {
    const { h, song } = await played();
    h.server.state.online = false;
    h.server.addSong('s2', songBytes(K + 10, 3));
    expect((await h.get('s2', { Range: 'bytes=0-' })).status).toBe(504);
    await h.sw.handleMessage({ type: 'SIGNED_IN', user: { id: TEST_USER } });
    expect(h.sw.keyring.locked()).toBe(false);
    expectBytes((await h.get('s1')).bytes, song);
  });

  it('public answers say nothing: a 401 from the health route does not lock', async () => {
    const { h } = await played();
    await h.sw.inspect(`${ORIGIN}/api/health`, me401('session-expired'));
    await h.sw.inspect('https://elsewhere.test/api/songs', me401('account-removed'));
    expect(h.sw.keyring.locked()).toBe(false);
    expect(h.sw.keyring.current()).not.toBeNull();
  });
});

async function waitUntil(condition: () => boolean, what: string, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
