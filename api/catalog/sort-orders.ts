import type { LibraryIndex } from './library-index.ts';
import { collationRanks } from './search-text.ts';

export const SONG_SORTS = ['default', 'title', 'added'] as const;
export const ALBUM_SORTS = ['name', 'year', 'added', 'artist'] as const;
export const ARTIST_SORTS = ['name', 'added'] as const;
export type SongSort = (typeof SONG_SORTS)[number];
export type AlbumSort = (typeof ALBUM_SORTS)[number];
export type ArtistSort = (typeof ARTIST_SORTS)[number];

export interface SortOrders {
  songs(sort: SongSort): Uint32Array;
  albums(sort: AlbumSort): Uint32Array;
  artists(sort: ArtistSort): Uint32Array;
  /** Computes every order now (after a load, off the first request's path). */
  warm(): void;
}

const NONE = 0xffff;

/**
 * Each list's orders as permutations of row numbers, computed once per catalog the first time a
 * sort is asked for. Names are compared by collation rank (one collator sort per distinct name),
 * so sorting 100 000 songs compares numbers, not strings.
 */
export function createSortOrders(index: LibraryIndex): SortOrders {
  const memo = new Map<string, Uint32Array>();
  const once = (name: string, make: () => Uint32Array) => {
    let order = memo.get(name);
    if (!order) {
      order = make();
      memo.set(name, order);
    }
    return order;
  };
  const { songs, albums, artists } = index;
  const artistRank = () =>
    ranksOf(
      'artistNames',
      artists.map((a) => a.name),
    );
  const albumRank = () =>
    ranksOf(
      'albumNames',
      albums.map((a) => a.name ?? ''),
    );
  const titleRank = () => ranksOf('titles', songs.title);
  const rankCache = new Map<string, Map<string, number>>();
  function ranksOf(name: string, values: readonly string[]) {
    let ranks = rankCache.get(name);
    if (!ranks) {
      ranks = collationRanks(values);
      rankCache.set(name, ranks);
    }
    return ranks;
  }

  const defaultSongs = () =>
    once('songs:default', () => {
      const artist = artistRank();
      const album = albumRank();
      const title = titleRank();
      const albumOf = index.albumOf;
      return sortRows(songs.length, (x, y) => {
        const ax = albums[albumOf[x]!]!;
        const ay = albums[albumOf[y]!]!;
        return (
          artist.get(artists[ax.artistIndex]!.name)! - artist.get(artists[ay.artistIndex]!.name)! ||
          album.get(ax.name ?? '')! - album.get(ay.name ?? '')! ||
          albumOf[x]! - albumOf[y]! ||
          (songs.discNumber[x]! || NONE) - (songs.discNumber[y]! || NONE) ||
          (songs.trackNumber[x]! || NONE) - (songs.trackNumber[y]! || NONE) ||
          title.get(songs.title[x]!)! - title.get(songs.title[y]!)! ||
          x - y
        );
      });
    });
  const positionIn = (order: Uint32Array) => {
    const position = new Uint32Array(order.length);
    order.forEach((row, i) => {
      position[row] = i;
    });
    return position;
  };

  const orders: SortOrders = {
    songs(sort) {
      if (sort === 'default') return defaultSongs();
      if (sort === 'title')
        return once('songs:title', () => {
          const title = titleRank();
          const position = positionIn(defaultSongs());
          return sortRows(
            songs.length,
            (x, y) =>
              title.get(songs.title[x]!)! - title.get(songs.title[y]!)! ||
              position[x]! - position[y]!,
          );
        });
      return once('songs:added', () => {
        const position = positionIn(defaultSongs());
        return sortRows(
          songs.length,
          (x, y) => songs.addedAt[y]! - songs.addedAt[x]! || position[x]! - position[y]!,
        );
      });
    },
    albums(sort) {
      return once(`albums:${sort}`, () => {
        const name = albumRank();
        const artist = artistRank();
        const byName = (x: number, y: number) =>
          name.get(albums[x]!.name ?? '')! - name.get(albums[y]!.name ?? '')! || x - y;
        const artistOf = (a: number) => artist.get(artists[albums[a]!.artistIndex]!.name)!;
        const year = (a: number) => albums[a]!.year ?? 99999;
        const compare: Record<AlbumSort, (x: number, y: number) => number> = {
          name: (x, y) => byName(x, y) || artistOf(x) - artistOf(y),
          year: (x, y) => year(x) - year(y) || byName(x, y),
          added: (x, y) => albums[y]!.addedAt - albums[x]!.addedAt || byName(x, y),
          artist: (x, y) => artistOf(x) - artistOf(y) || year(x) - year(y) || byName(x, y),
        };
        return sortRows(albums.length, compare[sort]);
      });
    },
    artists(sort) {
      return once(`artists:${sort}`, () => {
        const name = artistRank();
        const byName = (x: number, y: number) =>
          name.get(artists[x]!.name)! - name.get(artists[y]!.name)! || x - y;
        return sortRows(
          artists.length,
          sort === 'name'
            ? byName
            : (x, y) => artists[y]!.addedAt - artists[x]!.addedAt || byName(x, y),
        );
      });
    },
    warm() {
      for (const sort of SONG_SORTS) orders.songs(sort);
      for (const sort of ALBUM_SORTS) orders.albums(sort);
      for (const sort of ARTIST_SORTS) orders.artists(sort);
      rankCache.clear(); // the orders are all that is needed now
    },
  };
  return orders;
}

function sortRows(length: number, compare: (x: number, y: number) => number): Uint32Array {
  const rows = new Uint32Array(length);
  for (let i = 0; i < length; i++) rows[i] = i;
  return rows.sort(compare);
}
