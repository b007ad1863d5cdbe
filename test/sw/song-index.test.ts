import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../../sw/chunks.ts';
import { createMetaStore } from '../../sw/meta-store.ts';
import { createSongIndex } from '../../sw/song-index.ts';
import { FakeCacheStorage } from './fake-cache-storage.ts';
import { songBytes } from './fake-server.ts';
import { createHarness } from './harness.ts';

const K = CHUNK_SIZE;
const meta = {
  id: 'a',
  etag: '"1"',
  size: 2 * K + 10,
  mimeType: 'audio/mpeg',
  url: 'https://x/songs/listen/a',
};

describe('song index', () => {
  it('persists records and reloads them; a corrupt record is skipped', async () => {
    const caches = new FakeCacheStorage();
    const store = createMetaStore(caches);
    const index = createSongIndex(store);
    index.setMeta(meta);
    index.addChunk('a', '"1"', 2);
    index.addChunk('a', '"other"', 1); // another version's chunk is ignored
    index.setPinned('a', true);
    await index.flush();
    await store.put('song/broken', { id: 3 });
    const again = createSongIndex(store);
    await again.load();
    expect(again.all()).toHaveLength(1);
    expect(again.stateOf('a', false)).toEqual({
      id: 'a',
      status: 'partial',
      cachedBytes: 10,
      size: 2 * K + 10,
      downloading: false,
      pinned: true,
    });
  });

  it('a new ETag forgets the chunks of the old version', () => {
    const index = createSongIndex(createMetaStore(new FakeCacheStorage()));
    index.setMeta(meta);
    index.addChunk('a', '"1"', 0);
    index.setMeta({ ...meta, etag: '"2"' });
    expect(index.cachedBytes('a')).toBe(0);
  });

  it('at restart, orphan chunk caches go and chunks written but not indexed are found', async () => {
    const h = createHarness();
    h.server.addSong('s', songBytes(2 * K), '"v"');
    await h.get('s', { Range: 'bytes=0-1' });
    await h.caches.open('tapedeck-chunks-v1:ghost');
    h.sw.index.removeChunk('s', '"v"', 0); // as if the worker died before persisting the chunk
    await h.sw.index.flush();
    const again = h.restart();
    await again.ready;
    expect(await h.caches.has('tapedeck-chunks-v1:ghost')).toBe(false);
    await again.verified;
    expect(again.index.stateOf('s', false)).toMatchObject({ status: 'partial', cachedBytes: K });
  });
});
