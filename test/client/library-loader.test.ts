import { readFileSync } from 'node:fs';
import type { ReactiveController } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Song } from '../../api/catalog/song.ts';
import { LibraryLoader } from '../../client/controllers/library-loader.ts';

const song = (id: string, title = id): Song => ({
  id,
  title,
  artist: 'Artist',
  album: null,
  trackNumber: null,
  year: null,
  genre: null,
  duration: 60,
  mimeType: 'audio/mpeg',
  size: 1000,
  etag: '"e"',
  coverUrl: null,
  albumId: 'album',
  albumArtist: 'Album Artist',
  artistId: 'artist',
  discNumber: null,
  genres: [],
  favourite: false,
  streamUrl: `/songs/listen/${id}`,
});

const page = (items: Song[]) => ({ items, total: items.length, limit: 100, offset: 0 });

function setUp(answers: Array<() => Promise<Response>>) {
  const urls: string[] = [];
  const fetchMock = vi.fn(async (url: string) => {
    urls.push(url);
    const answer = answers.shift();
    if (!answer) throw new TypeError('no more answers');
    return answer();
  });
  vi.stubGlobal('fetch', fetchMock);
  const host = {
    addController: (_c: ReactiveController) => {},
    removeController: () => {},
    requestUpdate: vi.fn(),
    updateComplete: Promise.resolve(true),
  };
  const events = { reachable: 0, unreachable: 0, songs: [] as string[][] };
  const loader = new LibraryLoader(host, {
    onReachable: () => events.reachable++,
    onUnreachable: () => events.unreachable++,
    onSongs: (songs) => events.songs.push(songs.map((s) => s.id)),
  });
  return { loader, host, urls, events };
}

const json = (body: unknown) => async () => Response.json(body);
/** Let pending fetch promises and their continuations run. */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await vi.advanceTimersByTimeAsync(0);
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('LibraryLoader: first load', () => {
  it('asks in the next task (no debounce) for the very URL index.html preloads', async () => {
    const { loader, urls } = setUp([json(page([song('a')]))]);
    loader.sync('', true);
    expect(loader.loading).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(urls).toHaveLength(1);
    const html = readFileSync(new URL('../../client/index.html', import.meta.url), 'utf8');
    const preload = /<link rel="preload" href="([^"]+)" as="fetch"/.exec(html)?.[1];
    expect(urls[0]).toBe(preload);
    await settle();
    expect(loader.items.map((s) => s.id)).toEqual(['a']);
  });

  it('reports the API reachable when the answer came straight from the network', async () => {
    const { loader, events } = setUp([json(page([song('a')]))]);
    loader.sync('', true);
    await settle();
    expect(events).toMatchObject({ reachable: 1, unreachable: 0 });
  });

  it('falls back to local results when the network fails', async () => {
    const { loader, events } = setUp([
      async () => {
        throw new TypeError('Failed to fetch');
      },
    ]);
    loader.sync('', true);
    await settle();
    expect(events).toMatchObject({ reachable: 0, unreachable: 1 });
    expect(loader.source).toBe('local');
  });
});

describe('LibraryLoader: refresh after the worker takes control', () => {
  it('waits for idle, and an unchanged answer keeps the list and re-renders nothing', async () => {
    const { loader, host, urls, events } = setUp([
      json(page([song('a'), song('b')])),
      json(page([song('a'), song('b')])),
    ]);
    loader.sync('', true);
    await settle();
    const items = loader.items;
    host.requestUpdate.mockClear();
    loader.refresh();
    expect(urls).toHaveLength(1); // not yet: the page is not idle
    await vi.advanceTimersByTimeAsync(100);
    await settle();
    expect(urls).toHaveLength(2);
    expect(loader.items).toBe(items);
    expect(host.requestUpdate).not.toHaveBeenCalled();
    expect(events.songs).toEqual([['a', 'b']]);
  });

  it('a changed song replaces the list; unchanged songs keep their objects', async () => {
    const { loader, host, events } = setUp([
      json(page([song('a'), song('b')])),
      json(page([song('a'), song('b', 'B, remastered')])),
    ]);
    loader.sync('', true);
    await settle();
    const [first] = loader.items;
    loader.refresh();
    await vi.advanceTimersByTimeAsync(100);
    await settle();
    expect(loader.items[0]).toBe(first);
    expect(loader.items[1]?.title).toBe('B, remastered');
    expect(host.requestUpdate).toHaveBeenCalled();
    expect(events.songs).toEqual([['a', 'b'], ['b']]);
  });
});
