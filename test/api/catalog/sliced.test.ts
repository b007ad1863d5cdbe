import { createStorage } from 'unstorage';
import memoryDriver from 'unstorage/drivers/memory';
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../../api/catalog/catalog.ts';
import { foldText } from '../../../api/catalog/search-text.ts';
import { finish, inSlices, lazy, type Sliced, sortRows } from '../../../api/catalog/sliced.ts';
import type { SongRecord } from '../../../api/catalog/song.ts';
import { createSortOrders } from '../../../api/catalog/sort-orders.ts';

/** Steps a sliced computation takes: each `next()` is one point where other tasks may run. */
function countSteps<T>(work: Sliced<T>): { steps: number; value: T } {
  let steps = 0;
  for (;;) {
    const step = work.next();
    steps++;
    if (step.done) return { steps, value: step.value };
  }
}

function record(i: number): SongRecord {
  const artist = `Artist ${i % 97}`;
  return {
    id: `id${String(i).padStart(14, '0')}`,
    key: `${artist}/Album ${i % 13}/${i}.mp3`,
    version: `v${i}`,
    mtimeMs: 0,
    size: 1000,
    etag: `"e${i}"`,
    mimeType: 'audio/mpeg',
    duration: 1 + (i % 300),
    title: `Song ${(i * 7919) % 5000} ${['Éclat', 'zero', 'Amber'][i % 3]}`,
    artist,
    album: `Album ${i % 13}`,
    albumArtist: artist,
    trackNumber: (i % 20) + 1,
    discNumber: null,
    year: 1990 + (i % 30),
    genres: [['Jazz', 'Rock', 'Folk'][i % 3]!],
    pictureId: null,
    addedAt: i % 1000,
  };
}

async function catalogOf(songs: number) {
  const catalog = createCatalog(createStorage({ driver: memoryDriver() }));
  const update = catalog.startUpdate(songs);
  for (let i = 0; i < songs; i++) update.add(record(i));
  await update.commit();
  return catalog;
}

describe('work in slices (the warm-up after a restart)', () => {
  it('sorts rows like a plain sort, in many small steps', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 1013);
    const compare = (x: number, y: number) => keys[x]! - keys[y]! || x - y;
    const { steps, value } = countSteps(sortRows(keys.length, compare));
    const plain = Uint32Array.from(keys.keys()).sort(compare);
    expect(value).toEqual(plain);
    expect(steps).toBeGreaterThan(100);
    expect(finish(sortRows(0, compare))).toEqual(new Uint32Array(0));
    expect(finish(sortRows(1, compare))).toEqual(Uint32Array.of(0));
  });

  it('a lazy value is made once: a request finishes what the slices started', () => {
    let made = 0;
    const value = lazy(function* () {
      made++;
      for (let i = 0; i < 10; i++) yield;
      return 'done';
    });
    const slices = value.slices();
    slices.next();
    slices.next();
    expect(value.get()).toBe('done'); // a request that cannot wait
    expect(slices.next()).toEqual({ done: true, value: 'done' });
    expect(finish(value.slices())).toBe('done');
    expect(made).toBe(1);
  });

  it('lets other tasks run between slices, and stops when abandoned', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    // Synchronous work that can only end once a timer has fired three times (or gives up).
    function* untilTicks(): Sliced<boolean> {
      const giveUp = performance.now() + 10_000;
      while (ticks < 3) {
        if (performance.now() > giveUp) return false;
        yield;
      }
      return true;
    }
    try {
      expect(await inSlices(untilTicks())).toBe(true);
      ticks = 0;
      expect(await inSlices(untilTicks(), () => true)).toBeUndefined();
    } finally {
      clearInterval(ticker);
    }
  });

  it('the warm-up builds the same orders and search as a request would, in slices', async () => {
    const warmed = await catalogOf(3000);
    const direct = await catalogOf(3000);
    await warmed.warm();
    const a = warmed.state();
    const b = direct.state();
    const orders = createSortOrders(b.index);
    for (const sort of ['default', 'title', 'added'] as const)
      expect(a.orders.songs(sort)).toEqual(orders.songs(sort));
    for (const sort of ['name', 'year', 'added', 'artist'] as const)
      expect(a.orders.albums(sort)).toEqual(orders.albums(sort));
    for (const sort of ['name', 'added'] as const)
      expect(a.orders.artists(sort)).toEqual(orders.artists(sort));
    const { songs } = b.index;
    for (const terms of [['eclat'], ['amber', 'artist'], ['song', '12'], ['nothing']]) {
      // Every term inside one of the words of the folded title, artist, album and album artist.
      const naive = Uint8Array.from({ length: songs.length }, (_, row) => {
        const text = `${songs.title[row]} ${songs.artist[row]} ${songs.album[row] ?? ''} ${songs.albumArtist[row]}`;
        const words = foldText(text).split(/\s+/);
        return terms.every((term) => words.some((word) => word.includes(term))) ? 1 : 0;
      });
      expect(a.search.match(terms)).toEqual(naive);
      expect(b.search.match(terms)).toEqual(naive);
    }
    expect(countSteps(createSortOrders(b.index).warm()).steps).toBeGreaterThan(50);
  });
});
