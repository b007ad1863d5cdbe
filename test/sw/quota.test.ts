import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../../sw/chunks.ts';
import { type EvictionCandidate, pickEvictions } from '../../sw/quota.ts';
import { expectBytes, songBytes } from './fake-server.ts';
import { createHarness } from './harness.ts';

const K = CHUNK_SIZE;
const song = (
  id: string,
  bytes: number,
  lastPlayed: number,
  pinned = false,
): EvictionCandidate => ({
  id,
  bytes,
  lastPlayed,
  pinned,
});

describe('pickEvictions', () => {
  const songs = [
    song('old', 10, 1),
    song('mid', 10, 2),
    song('new', 10, 3),
    song('pin', 10, 0, true),
  ];
  const keep = new Set<string>();
  it.each([
    ['nothing when it fits', { used: 40, need: 10, budget: 50 }, []],
    ['the least recently played first', { used: 40, need: 10, budget: 40 }, ['old']],
    ['as many as needed, oldest first', { used: 40, need: 15, budget: 40 }, ['old', 'mid']],
    ['null rather than pinned songs when not allowed', { used: 40, need: 35, budget: 40 }, null],
  ])('%s', (_name, need, expected) => {
    expect(pickEvictions(songs, { ...need, keep, allowPinned: false })).toEqual(expected);
  });

  it('pinned songs go last, and only when allowed', () => {
    const need = { used: 40, need: 35, budget: 40, keep, allowPinned: true };
    expect(pickEvictions(songs, need)).toEqual(['old', 'mid', 'new', 'pin']);
  });

  it('never picks a kept song (the one playing, the one being written)', () => {
    const need = { used: 40, need: 10, budget: 40, keep: new Set(['old']), allowPinned: false };
    expect(pickEvictions(songs, need)).toEqual(['mid']);
    const impossible = { ...need, need: 40, keep: new Set(['old', 'mid', 'new']) };
    expect(pickEvictions(songs, impossible)).toBeNull();
  });
});

describe('eviction in the worker', () => {
  async function withSongs(ids: string[], options = {}) {
    const h = createHarness(options);
    const bytes = new Map(ids.map((id, i) => [id, songBytes(2 * K, i + 1)]));
    for (const [id, b] of bytes) h.server.addSong(id, b, `"${id}"`);
    await h.sw.ready;
    return { h, bytes };
  }

  it('under a small budget keeps the playing song and evicts the least recently played', async () => {
    const { h, bytes } = await withSongs(['a', 'b', 'c', 'd']);
    await h.sw.handleMessage({ type: 'SET_BUDGET', bytes: 4 * K });
    await h.get('a');
    await h.get('b');
    await h.sw.handleMessage({ type: 'NOW_PLAYING', id: 'a' });
    await h.get('c'); // needs room: b is the least recently played
    expect(h.sw.index.stateOf('b', false).status).toBe('none');
    await h.get('d'); // a is now the oldest, but playing: c goes
    const status = (id: string) => h.sw.index.stateOf(id, false).status;
    expect(['a', 'b', 'c', 'd'].map(status)).toEqual(['complete', 'none', 'none', 'complete']);
    expect(h.sw.index.totalBytes()).toBeLessThanOrEqual(4 * K);
    expect(h.caches.urls('tapedeck-chunks').length).toBe(4);
    expect(h.messages).toContainEqual(
      expect.objectContaining({
        type: 'SONG_STATE',
        state: expect.objectContaining({ id: 'c', status: 'none' }),
      }),
    );
    h.server.state.online = false;
    expectBytes((await h.get('a', { Range: 'bytes=0-' })).bytes, bytes.get('a')!);
  });

  it('stops caching rather than evict the playing song, and playback still gets every byte', async () => {
    const { h, bytes } = await withSongs(['a', 'b']);
    await h.sw.handleMessage({ type: 'SET_BUDGET', bytes: 3 * K });
    await h.get('a');
    await h.sw.handleMessage({ type: 'NOW_PLAYING', id: 'a' });
    const res = await h.get('b', { Range: 'bytes=0-' });
    expectBytes(res.bytes, bytes.get('b')!);
    expect(h.sw.index.stateOf('a', false).status).toBe('complete');
    expect(h.sw.index.stateOf('b', false)).toMatchObject({ status: 'partial', cachedBytes: K });
  });

  it('on QuotaExceededError evicts the least recently played song and retries once', async () => {
    const { h, bytes } = await withSongs(['a', 'b'], { quotaBytes: 3 * K + 64 * 1024 });
    await h.get('a');
    const res = await h.get('b');
    expectBytes(res.bytes, bytes.get('b')!);
    expect(h.sw.index.stateOf('a', false).status).toBe('none');
    expect(h.sw.index.stateOf('b', false).status).toBe('complete');
  });

  it('when the quota stays exceeded it streams without caching', async () => {
    const { h, bytes } = await withSongs(['a', 'b'], { quotaBytes: 2 * K + 64 * 1024 });
    await h.get('a');
    await h.sw.handleMessage({ type: 'NOW_PLAYING', id: 'a' });
    const res = await h.get('b', { Range: 'bytes=0-' });
    expect(res.status).toBe(206);
    expectBytes(res.bytes, bytes.get('b')!);
    expect(h.sw.index.stateOf('a', false).status).toBe('complete');
    expect(h.sw.index.stateOf('b', false).status).toBe('none');
  });

  it('the default budget is 60 % of the quota, capped at 2 GiB', async () => {
    const small = createHarness({ storageQuota: 1000 * K });
    await small.sw.ready;
    expect(small.sw.budget.get()).toBe(600 * K);
    const large = createHarness({ storageQuota: 100 * 1024 ** 3 });
    await large.sw.ready;
    expect(large.sw.budget.get()).toBe(2 * 1024 ** 3);
  });
});
