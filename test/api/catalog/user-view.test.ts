import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { querySongs } from '../../../api/catalog/queries.ts';
import { albumJson, artistJson, songJson } from '../../../api/catalog/to-json.ts';
import type { UserView } from '../../../api/catalog/user-view.ts';
import { makeMp3 } from '../../helpers/mp3-fixture.ts';
import { createScanSetup } from '../../helpers/scan-setup.ts';

let setup: Awaited<ReturnType<typeof createScanSetup>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  setup = await createScanSetup({
    '1.mp3': makeMp3({ title: 'One', albumArtist: 'A', album: 'X', genres: ['Rock'] }),
    '2.mp3': makeMp3({ title: 'Two', albumArtist: 'A', album: 'X', genres: ['Jazz'] }),
    '3.mp3': makeMp3({ title: 'Three', albumArtist: 'B', album: 'Y', genres: ['Rock'] }),
  });
  await setup.scan();
  const { index } = setup.catalog.state();
  for (let row = 0; row < index.songs.length; row++)
    ids[index.songs.title[row]!] = index.songs.id[row]!;
});
afterAll(() => setup.cleanup());

const titlesOf = (view: UserView, query: Parameters<typeof querySongs>[1]) => {
  const state = setup.catalog.state();
  return querySongs(state, query, view).rows.map((row) => state.index.songs.title[row]);
};

describe('the per-user view the catalog queries take', () => {
  const view = (): UserView => {
    const { index } = setup.catalog.state();
    return {
      favourites: {
        songs: new Set([ids.Two!, ids.Three!]),
        albums: new Set([index.albums[0]!.id]),
        artists: new Set([index.artists[1]!.id]),
      },
      plays: new Map([
        [ids.One!, { count: 5, lastPlayedAt: 100 }],
        [ids.Three!, { count: 9, lastPlayedAt: 50 }],
        [ids.Two!, { count: 1, lastPlayedAt: 300 }],
        ['AAAAAAAAAAAAAAAA', { count: 99, lastPlayedAt: 999 }], // a song since removed
      ]),
    };
  };

  it('filters favourites and sorts by plays, other filters still applying', () => {
    expect(titlesOf(view(), { favourite: true, limit: 10, offset: 0 })).toEqual(['Two', 'Three']);
    expect(titlesOf(view(), { sort: 'recently-played', limit: 10, offset: 0 })).toEqual([
      'Two',
      'One',
      'Three',
    ]);
    expect(titlesOf(view(), { sort: 'most-played', limit: 10, offset: 0 })).toEqual([
      'Three',
      'One',
      'Two',
    ]);
    expect(titlesOf(view(), { sort: 'most-played', genre: 'rock', limit: 1, offset: 1 })).toEqual([
      'One',
    ]);
    expect(
      titlesOf(view(), { favourite: true, sort: 'recently-played', limit: 10, offset: 0 }),
    ).toEqual(['Two', 'Three']);
  });

  it('keeps what it derives per view and catalog: each order its own, another view its own', () => {
    const v = view();
    for (let i = 0; i < 2; i++) {
      // Asked twice: the second answer comes from what the first one kept.
      expect(titlesOf(v, { favourite: true, limit: 10, offset: 0 })).toEqual(['Two', 'Three']);
      expect(titlesOf(v, { favourite: true, sort: 'title', limit: 10, offset: 0 })).toEqual([
        'Three',
        'Two',
      ]);
      expect(titlesOf(v, { favourite: true, genre: 'rock', limit: 10, offset: 0 })).toEqual([
        'Three',
      ]);
      expect(titlesOf(v, { favourite: true, sort: 'most-played', limit: 1, offset: 1 })).toEqual([
        'Two',
      ]);
    }
    const other: UserView = {
      favourites: { songs: new Set([ids.One!]), albums: new Set(), artists: new Set() },
      plays: new Map([[ids.Two!, { count: 1, lastPlayedAt: 1 }]]),
    };
    expect(titlesOf(other, { favourite: true, limit: 10, offset: 0 })).toEqual(['One']);
    expect(titlesOf(other, { sort: 'most-played', limit: 10, offset: 0 })).toEqual(['Two']);
  });

  it('sets the favourite flags of songs, albums and artists', () => {
    const { index } = setup.catalog.state();
    const v = view();
    const row = index.songById.get(ids.Two!)!;
    expect(songJson(index, row, v).favourite).toBe(true);
    expect(songJson(index, index.songById.get(ids.One!)!, v).favourite).toBe(false);
    expect(albumJson(index, 0, v).favourite).toBe(true);
    expect(albumJson(index, 1, v).favourite).toBe(false);
    expect(artistJson(index, 1, v).favourite).toBe(true);
  });
});
