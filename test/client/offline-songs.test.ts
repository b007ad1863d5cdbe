import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStore } from '../../client/lib/kv-store.ts';
import { OfflineSongs } from '../../client/lib/offline-songs.ts';
import type { OfflineState } from '../../sw/protocol.ts';
import { makeSong } from './fixtures.ts';

const state = (id: string): OfflineState => ({
  id,
  status: 'complete',
  cachedBytes: 1,
  size: 1,
  downloading: false,
  pinned: false,
});

afterEach(() => vi.useRealTimers());

describe('OfflineSongs (details of the songs kept, per user)', () => {
  it('remembers songs, saves them, and finds them again on the next visit', async () => {
    vi.useFakeTimers();
    const store = memoryStore();
    const first = new OfflineSongs(store, () => {}, 'u1');
    await first.ready;
    first.remember([makeSong('a'), makeSong('b')]);
    await vi.runAllTimersAsync();
    const next = new OfflineSongs(store, () => {}, 'u1');
    await next.ready;
    expect([...next.songs.keys()]).toEqual(['a', 'b']);
  });

  it('forgets what the worker no longer keeps and names what it keeps unknown to us', async () => {
    const songs = new OfflineSongs(memoryStore(), () => {});
    await songs.ready;
    songs.remember([makeSong('a'), makeSong('b')]);
    const missing = songs.sync(
      new Map([
        ['b', state('b')],
        ['c', state('c')],
      ]),
    );
    expect([...songs.songs.keys()]).toEqual(['b']);
    expect(missing).toEqual(['c']);
  });

  it('keeps one list per user: another user on this browser starts with theirs', async () => {
    vi.useFakeTimers();
    const store = memoryStore();
    const songs = new OfflineSongs(store, () => {}, 'u1');
    await songs.ready;
    songs.remember([makeSong('a')]);
    await songs.useUser('u2');
    expect(songs.songs.size).toBe(0);
    await songs.useUser('u1');
    expect([...songs.songs.keys()]).toEqual(['a']);
  });

  it('re-renders only when something changed, and clears everything on sign-out', async () => {
    const onChange = vi.fn();
    const store = memoryStore();
    const songs = new OfflineSongs(store, onChange);
    await songs.ready;
    songs.remember([makeSong('a')]);
    songs.remember([makeSong('a')]);
    expect(onChange).toHaveBeenCalledTimes(1);
    await songs.clear();
    expect(songs.songs.size).toBe(0);
    expect(await store.get('offline-songs:default')).toBeUndefined();
  });
});
