import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, parseChunkKey } from '../../sw/chunks.ts';
import type { OfflineState, SongRef, WorkerToPage } from '../../sw/protocol.ts';
import { expectBytes, ORIGIN, songBytes } from './fake-server.ts';
import { createHarness } from './harness.ts';

const K = CHUNK_SIZE;

async function setup(chunks = 5, etag = '"v1"') {
  const h = createHarness();
  const bytes = songBytes(chunks * K - 100);
  h.server.addSong('s', bytes, etag, 'audio/ogg');
  await h.sw.ready;
  const ref: SongRef = {
    id: 's',
    etag,
    size: bytes.length,
    mimeType: 'audio/ogg',
    streamUrl: '/songs/listen/s',
  };
  return { h, bytes, ref };
}

const statesOf = (messages: WorkerToPage[], id: string): OfflineState[] =>
  messages.flatMap((m) => (m.type === 'SONG_STATE' && m.state.id === id ? [m.state] : []));

describe('CACHE_SONG', () => {
  it('fetches every chunk, two at a time, aligned and with If-Range, and reports progress', async () => {
    const { h, bytes, ref } = await setup(6);
    h.server.state.delayMs = 5;
    await h.sw.handleMessage({ type: 'CACHE_SONG', song: ref, pin: true });
    expect(h.server.state.maxInFlight).toBe(2);
    const ranges = h.server.seen.map((r) => r.range).sort();
    const expected = [0, 1, 2, 3, 4, 5].map(
      (i) => `bytes=${i * K}-${Math.min(bytes.length, (i + 1) * K) - 1}`,
    );
    expect(ranges).toEqual(expected.sort());
    expect(
      h.server.seen.every((r) => r.ifRange === '"v1"' && r.url === `${ORIGIN}/songs/listen/s`),
    ).toBe(true);
    const states = statesOf(h.messages, 's');
    expect(states[0]).toMatchObject({ downloading: true });
    expect(states.some((s) => s.status === 'partial' && s.downloading)).toBe(true);
    expect(states.at(-1)).toEqual({
      id: 's',
      status: 'complete',
      cachedBytes: bytes.length,
      size: bytes.length,
      downloading: false,
      pinned: true,
    });
    h.server.state.online = false;
    expectBytes((await h.get('s', { Range: 'bytes=0-' })).bytes, bytes);
  });

  it('runs one download per song: a second request joins the first', async () => {
    const { h, ref } = await setup(4);
    h.server.state.delayMs = 2;
    await Promise.all([
      h.sw.handleMessage({ type: 'CACHE_SONG', song: ref, pin: false }),
      h.sw.handleMessage({ type: 'CACHE_SONG', song: ref, pin: true }),
    ]);
    expect(h.server.seen).toHaveLength(4);
    expect(h.sw.index.get('s')?.pinned).toBe(true);
  });

  it('REMOVE_SONG cancels the download and deletes its chunks', async () => {
    const { h, ref } = await setup(12);
    h.server.state.delayMs = 10;
    const download = h.sw.handleMessage({ type: 'CACHE_SONG', song: ref, pin: true });
    await new Promise((resolve) => setTimeout(resolve, 25));
    await h.sw.handleMessage({ type: 'REMOVE_SONG', id: 's' });
    await download;
    await h.sw.loader.idle();
    expect(h.server.seen.length).toBeLessThan(12);
    expect(h.caches.urls('tapedeck-chunks')).toEqual([]);
    expect(statesOf(h.messages, 's').at(-1)).toMatchObject({ status: 'none', downloading: false });
    expect(h.messages.some((m) => m.type === 'CACHE_ERROR')).toBe(false);
  });

  it('a SongRef with a new ETag replaces the old chunks', async () => {
    const { h, ref } = await setup(3);
    await h.get('s', { Range: 'bytes=0-1' });
    const v2 = songBytes(3 * K, 9);
    h.server.addSong('s', v2, '"v2"', 'audio/ogg');
    await h.sw.handleMessage({
      type: 'CACHE_SONG',
      song: { ...ref, etag: '"v2"', size: v2.length },
      pin: false,
    });
    const etags = new Set(h.caches.urls('tapedeck-chunks').map((u) => parseChunkKey(u)?.etag));
    expect(etags).toEqual(new Set(['"v2"']));
    expect(h.sw.index.stateOf('s', false).status).toBe('complete');
  });

  it('a stale SongRef (the server changed since) ends with the new version cached', async () => {
    const { h, ref } = await setup(3);
    const v2 = songBytes(2 * K + 7, 4);
    h.server.addSong('s', v2, '"v2"', 'audio/ogg');
    await h.sw.handleMessage({ type: 'CACHE_SONG', song: ref, pin: false });
    expect(h.sw.index.get('s')).toMatchObject({ etag: '"v2"', size: v2.length });
    expect(h.sw.index.stateOf('s', false).status).toBe('complete');
    h.server.state.online = false;
    expectBytes((await h.get('s')).bytes, v2);
  });

  it('offline: CACHE_ERROR, and the state says it is no longer downloading', async () => {
    const { h, ref } = await setup(3);
    h.server.state.online = false;
    await h.sw.handleMessage({ type: 'CACHE_SONG', song: ref, pin: false });
    expect(h.messages).toContainEqual({ type: 'CACHE_ERROR', id: 's', error: 'offline' });
    expect(statesOf(h.messages, 's').at(-1)).toMatchObject({ downloading: false, status: 'none' });
  });
});

describe('PREFETCH_SONG and NOW_PLAYING', () => {
  it('PREFETCH_SONG fetches the first two chunks only', async () => {
    const { h, ref } = await setup(5);
    await h.sw.handleMessage({ type: 'PREFETCH_SONG', song: ref });
    expect(h.server.seen.map((r) => r.range)).toEqual([
      `bytes=0-${K - 1}`,
      `bytes=${K}-${2 * K - 1}`,
    ]);
    expect(h.sw.index.stateOf('s', false)).toMatchObject({ status: 'partial', cachedBytes: 2 * K });
  });

  it('NOW_PLAYING fetches the rest of a song already started', async () => {
    const { h } = await setup(4);
    await h.get('s', { Range: `bytes=${2 * K}-${2 * K + 1}` });
    await h.sw.handleMessage({ type: 'NOW_PLAYING', id: 's' });
    expect(h.sw.index.stateOf('s', false).status).toBe('complete');
    expect(h.sw.quota.playing()).toBe('s');
  });
});

describe('state and storage messages', () => {
  it('GET_STATES, GET_STORAGE, SET_BUDGET (persisted) and CLEAR_SONGS', async () => {
    const { h, bytes, ref } = await setup(2);
    await h.sw.handleMessage({ type: 'CACHE_SONG', song: ref, pin: true });
    await h.sw.handleMessage({ type: 'GET_STATES' });
    expect(h.messages.at(-1)).toEqual({
      type: 'ALL_STATES',
      states: [
        {
          id: 's',
          status: 'complete',
          cachedBytes: bytes.length,
          size: bytes.length,
          downloading: false,
          pinned: true,
        },
      ],
    });
    await h.sw.handleMessage({ type: 'SET_BUDGET', bytes: 123 * K });
    await h.sw.handleMessage({ type: 'GET_STORAGE' });
    expect(h.messages.at(-1)).toMatchObject({
      type: 'STORAGE',
      report: { songBytes: bytes.length, budget: 123 * K, quota: 10 * 1024 ** 3, persisted: true },
    });
    await h.sw.index.flush();
    const again = h.restart();
    await again.ready;
    expect(again.budget.get()).toBe(123 * K);
    expect(again.index.stateOf('s', false)).toMatchObject({ status: 'complete', pinned: true });
    await again.handleMessage({ type: 'CLEAR_SONGS' });
    expect(h.caches.urls('tapedeck-chunks')).toEqual([]);
    expect(h.messages).toContainEqual({ type: 'ALL_STATES', states: [] });
    expect(again.index.all()).toEqual([]);
  });

  it('ignores malformed messages', async () => {
    const { h } = await setup(1);
    for (const data of [null, 'x', { type: 'NOPE' }, { type: 'CACHE_SONG', song: { id: 1 } }]) {
      await h.sw.handleMessage(data);
    }
    expect(h.messages).toEqual([]);
    expect(h.server.seen).toEqual([]);
  });

  it('a chunk lost from the cache is noticed at restart', async () => {
    const { h, bytes } = await setup(3);
    await h.get('s');
    await h.sw.index.flush();
    const [name] = [...h.caches.caches.keys()].filter((n) => n.startsWith('tapedeck-chunks'));
    const cache = h.caches.caches.get(name!)!;
    const lost = [...cache.entries.keys()].find((u) => parseChunkKey(u)?.index === 1)!;
    cache.entries.delete(lost);
    const again = h.restart();
    await again.verified;
    expect(again.index.stateOf('s', false)).toMatchObject({
      status: 'partial',
      cachedBytes: bytes.length - K,
    });
  });
});
