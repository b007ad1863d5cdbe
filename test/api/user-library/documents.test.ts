import { describe, expect, it } from 'vitest';
import {
  emptyFavourites,
  emptyPlays,
  entryOf,
  withEntry,
  withFavourite,
  withPlay,
} from '../../../api/user-library/documents.ts';

describe('favourites document', () => {
  it('adds once, removes, and returns the same document when nothing changes', () => {
    const a = withFavourite(emptyFavourites(), 'albums', 'x', true, 1);
    expect(a.albums).toEqual([['x', 1]]);
    expect(withFavourite(a, 'albums', 'x', true, 2)).toBe(a);
    expect(withFavourite(a, 'songs', 'x', false, 2)).toBe(a);
    expect(withFavourite(a, 'albums', 'x', false, 3).albums).toEqual([]);
  });
});

describe('plays document', () => {
  it('keeps plays newest first by the listener’s time, so a late offline play lands in its place', () => {
    let doc = emptyPlays();
    doc = withPlay(doc, 'a', 3000);
    doc = withPlay(doc, 'b', 5000);
    doc = withPlay(doc, 'c', 4000); // played offline between the two, sent later
    expect(doc.recent.map(([id]) => id)).toEqual(['b', 'c', 'a']);
  });

  it('counts every play of a song and remembers its latest time', () => {
    let doc = emptyPlays();
    doc = withPlay(doc, 'a', 3000);
    doc = withPlay(doc, 'a', 1000);
    expect(doc.counts.a).toEqual([2, 3000]);
  });
});

describe('playlist list entries', () => {
  it('sums what is still in the catalog and lists the newest change first', () => {
    const doc = { id: 'p', name: 'Mix', songIds: ['a', 'gone', 'a'], createdAt: 1, updatedAt: 9 };
    const entry = entryOf(doc, (id) => (id === 'a' ? 100 : undefined));
    expect(entry).toEqual({
      id: 'p',
      name: 'Mix',
      songCount: 3,
      duration: 200,
      coverSongId: 'a',
      updatedAt: 9,
    });
    const older = { ...entry, id: 'q', updatedAt: 5 };
    expect(withEntry([older], entry).map((e) => e.id)).toEqual(['p', 'q']);
    expect(withEntry([entry, older], { ...entry, name: 'Renamed' })).toHaveLength(2);
  });
});
