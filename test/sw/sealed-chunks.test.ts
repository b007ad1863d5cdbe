import { describe, expect, it } from 'vitest';
import {
  CATALOG_CACHE,
  CHUNK_CACHE_PREFIX,
  META_CACHE,
  songCacheName,
} from '../../sw/cache-names.ts';
import { CHUNK_SIZE, chunkCount, formatChunkKey } from '../../sw/chunks.ts';
import { createMetaStore } from '../../sw/meta-store.ts';
import { importOfflineKey } from '../../sw/seal.ts';
import { SEAL_HEADER, sealKeyId } from '../../sw/sealed-entry.ts';
import { toJson } from '../../sw/song-record.ts';
import { findSecretRuns } from '../helpers/byte-runs.ts';
import type { FakeCacheStorage } from './fake-cache-storage.ts';
import { expectBytes, ORIGIN, songBytes, TEST_USER } from './fake-server.ts';
import { createHarness } from './harness.ts';

const K = CHUNK_SIZE;
const SIZE = 3 * K + 1000;

function setup(options: Parameters<typeof createHarness>[0] = {}) {
  const h = createHarness(options);
  const song = songBytes(SIZE);
  h.server.addSong('s1', song, '"v1"', 'audio/mpeg');
  return { h, song };
}

/** Every entry of every cache, with its name, for byte searches. */
function allEntries(caches: FakeCacheStorage) {
  return [...caches.caches].flatMap(([name, cache]) =>
    [...cache.entries].map(([url, entry]) => ({ name: `${name} ${url}`, url, cache, entry })),
  );
}
const chunkEntry = (caches: FakeCacheStorage, i: number) =>
  caches.caches.get(songCacheName('s1'))!.entries.get(formatChunkKey('s1', '"v1"', i))!;

describe('sealed chunks', () => {
  it('what the worker keeps of a song is ciphertext: no 64-byte run of it in any cache', async () => {
    const { h, song } = setup();
    expectBytes((await h.get('s1')).bytes, song);
    const entries = allEntries(h.caches);
    const chunks = entries.filter((e) => e.name.startsWith(CHUNK_CACHE_PREFIX));
    expect(chunks).toHaveLength(chunkCount(SIZE));
    const keyId = h.sw.keyring.current()!.id;
    for (const { entry } of chunks)
      expect(new Headers(entry.headers).get(SEAL_HEADER)).toBe(`1;${keyId}`);
    const blobs = entries.map((e) => ({ name: e.name, bytes: e.entry.body }));
    expect(findSecretRuns(song, blobs)).toEqual([]);
    h.server.state.online = false;
    expectBytes((await h.get('s1', { Range: `bytes=${K - 5}-` })).bytes, song.slice(K - 5));
  });

  it('a tampered chunk reads as missing: fetched again online, 504 offline, never wrong bytes', async () => {
    const { h, song } = setup();
    await h.get('s1');
    chunkEntry(h.caches, 1).body[40]! ^= 1;
    const before = h.server.seen.length;
    const again = await h.get('s1', { Range: `bytes=${K}-${2 * K - 1}` });
    expectBytes(again.bytes, song.slice(K, 2 * K));
    expect(h.ranges(before)).toEqual([`bytes=${K}-${2 * K - 1}`]);

    chunkEntry(h.caches, 2).body[100]! ^= 1;
    h.server.state.online = false;
    const offline = await h.get('s1', { Range: `bytes=${2 * K}-` });
    expect(offline.status).toBe(504);
    expect(h.sw.index.get('s1')!.chunks.has(2)).toBe(false);
    expectBytes((await h.get('s1', { Range: `bytes=0-${2 * K - 1}` })).bytes, song.slice(0, 2 * K));
  });

  it('a chunk swapped for another (same song, other index) reads as missing', async () => {
    const { h } = setup();
    await h.get('s1');
    const cache = h.caches.caches.get(songCacheName('s1'))!;
    cache.entries.set(formatChunkKey('s1', '"v1"', 1), { ...chunkEntry(h.caches, 0) });
    h.server.state.online = false;
    expect((await h.get('s1', { Range: `bytes=${K}-${K + 9}` })).status).toBe(504);
  });

  it('a chunk sealed under another key (same key id, other key bytes) reads as missing', async () => {
    const { h, song } = setup();
    await h.get('s1');
    const state = h.keyStore.value!;
    state.keys[0]!.key = await importOfflineKey(new Uint8Array(32).fill(9));
    h.restart();
    h.server.state.online = false;
    expect((await h.get('s1', { Range: 'bytes=0-' })).status).toBe(504);
    h.server.state.online = true;
    expectBytes((await h.get('s1')).bytes, song);
  });

  it('without a key nothing is kept, and the song still streams', async () => {
    const { h, song } = setup({ signedIn: false });
    h.server.state.session = null;
    const res = await h.get('s1');
    expect(res.status).toBe(401);
    expect(allEntries(h.caches).filter((e) => e.name.startsWith(CHUNK_CACHE_PREFIX))).toEqual([]);
    h.server.signIn(TEST_USER);
    expectBytes((await h.get('s1')).bytes, song);
    expect(allEntries(h.caches).filter((e) => e.name.startsWith(CHUNK_CACHE_PREFIX))).toEqual([]);
  });
});

describe('migration of copies kept before sealing', () => {
  /** The caches an earlier worker left: plain chunks, the song's index record, a catalog page. */
  async function seedPlain(h: ReturnType<typeof setup>['h'], song: Uint8Array<ArrayBuffer>) {
    await h.sw.verified; // the first worker has settled: it cannot reconcile these away meanwhile
    const cache = await h.caches.open(songCacheName('s1'));
    for (let i = 0; i < chunkCount(SIZE); i++) {
      const bytes = song.slice(i * K, Math.min(SIZE, (i + 1) * K));
      await cache.put(formatChunkKey('s1', '"v1"', i), new Response(bytes));
    }
    const record = {
      id: 's1',
      etag: '"v1"',
      size: SIZE,
      mimeType: 'audio/mpeg',
      url: h.server.url('s1'),
      chunks: new Set([0, 1, 2, 3]),
      lastPlayed: 1,
      pinned: false,
    };
    const meta = createMetaStore(h.caches);
    await meta.put('song/s1', toJson(record));
    await meta.delete('settings/sealed-under'); // an earlier worker never sealed anything
    const catalog = await h.caches.open(CATALOG_CACHE);
    await catalog.put(`${ORIGIN}/api/songs`, Response.json({ items: [{ title: 'Secret Title' }] }));
  }

  it('plain chunks are sealed in the background, offline, and play byte for byte', async () => {
    const { h, song } = setup();
    await seedPlain(h, song);
    h.server.state.online = false;
    h.restart();
    await h.sw.verified;
    // The index and settings are plain by design (ids, sizes, times: no title, no audio).
    const entries = allEntries(h.caches).filter((e) => !e.name.startsWith(META_CACHE));
    expect(
      entries.filter((e) => sealKeyId(new Response(null, { headers: e.entry.headers })) === null),
    ).toEqual([]);
    expect(
      findSecretRuns(
        song,
        entries.map((e) => ({ name: e.name, bytes: e.entry.body })),
      ),
    ).toEqual([]);
    const catalog = entries.find((e) => e.url.endsWith('/api/songs'))!;
    expect(Buffer.from(catalog.entry.body).includes('Secret Title')).toBe(false);
    expectBytes((await h.get('s1')).bytes, song);
    expect(h.server.seen).toEqual([]);
  });

  it('a plain chunk read before the walk reached it is sealed first, then served', async () => {
    const { h, song } = setup();
    await seedPlain(h, song);
    h.server.state.online = false;
    h.restart();
    await h.sw.ready;
    expectBytes(
      (await h.get('s1', { Range: `bytes=${K}-${K + 99}` })).bytes,
      song.slice(K, K + 100),
    );
    expect(
      sealKeyId(new Response(null, { headers: chunkEntry(h.caches, 1).headers })),
    ).not.toBeNull();
  });

  it('without a key yet, plain chunks are neither served nor lost; sealed once the user signs in', async () => {
    const { h, song } = setup({ signedIn: false });
    await seedPlain(h, song);
    h.server.state.online = false;
    h.restart();
    await h.sw.verified;
    expect((await h.get('s1', { Range: 'bytes=0-' })).status).toBe(504);
    expect(h.caches.urls(CHUNK_CACHE_PREFIX)).toHaveLength(chunkCount(SIZE));
    h.server.state.online = true;
    await h.sw.handleMessage({ type: 'SIGNED_IN', user: { id: TEST_USER } });
    await h.sw.reseal();
    h.server.state.online = false;
    expect(
      findSecretRuns(
        song,
        allEntries(h.caches).map((e) => ({ name: e.name, bytes: e.entry.body })),
      ),
    ).toEqual([]);
    expectBytes((await h.get('s1')).bytes, song);
  });
});

describe('a new key after a password change', () => {
  it('re-seals every copy under the new key and forgets the old one; nothing is fetched again', async () => {
    const { h, song } = setup();
    await h.get('s1');
    const oldId = h.sw.keyring.current()!.id;
    h.server.rotateKey(TEST_USER);
    await h.sw.handleMessage({ type: 'SIGNED_IN', user: { id: TEST_USER } });
    const newId = h.sw.keyring.current()!.id;
    expect(newId).not.toBe(oldId);
    await h.sw.reseal();
    expect(h.sw.keyring.older()).toEqual([]);
    const ids = allEntries(h.caches)
      .filter((e) => e.name.startsWith(CHUNK_CACHE_PREFIX))
      .map((e) => sealKeyId(new Response(null, { headers: e.entry.headers })));
    expect(new Set(ids)).toEqual(new Set([newId]));
    const seen = h.server.seen.length;
    h.server.state.online = false;
    h.restart();
    expectBytes((await h.get('s1')).bytes, song);
    expect(h.server.seen.length).toBe(seen);
  });
});
