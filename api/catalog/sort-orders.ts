import type { LibraryIndex } from './library-index.ts';
import { collationRanks } from './search-text.ts';
import { type Lazy, lazy, type Sliced, sortRows } from './sliced.ts';

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
  /** Computes every order, slice by slice (after a load, off the first request's path). */
  warm(): Sliced<void>;
}

const NONE = 0xffff;

/**
 * Each list's orders as permutations of row numbers, computed once per catalog the first time a
 * sort is asked for (or by the warm-up, in slices). Names are compared by collation rank (one
 * collator sort per distinct name), so sorting 100 000 songs compares numbers, not strings.
 */
export function createSortOrders(index: LibraryIndex): SortOrders {
  const { songs, albums, artists } = index;
  const ranks = () => ({
    artistRank: lazy(() => collationRanks(artists.map((a) => a.name))),
    albumRank: lazy(() => collationRanks(albums.map((a) => a.name ?? ''))),
    titleRank: lazy(() => collationRanks(songs.title)),
  });
  let { artistRank, albumRank, titleRank } = ranks();

  const defaultSongs = lazy(function* () {
    const artist = yield* artistRank.slices();
    const album = yield* albumRank.slices();
    const title = yield* titleRank.slices();
    const albumOf = index.albumOf;
    return yield* sortRows(songs.length, (x, y) => {
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
  function* positionInDefault(): Sliced<Uint32Array> {
    const order = yield* defaultSongs.slices();
    const position = new Uint32Array(order.length);
    for (let i = 0; i < order.length; i++) position[order[i]!] = i;
    return position;
  }
  const songOrders: Record<SongSort, Lazy<Uint32Array>> = {
    default: defaultSongs,
    title: lazy(function* () {
      const title = yield* titleRank.slices();
      const position = yield* positionInDefault();
      return yield* sortRows(
        songs.length,
        (x, y) =>
          title.get(songs.title[x]!)! - title.get(songs.title[y]!)! || position[x]! - position[y]!,
      );
    }),
    added: lazy(function* () {
      const position = yield* positionInDefault();
      return yield* sortRows(
        songs.length,
        (x, y) => songs.addedAt[y]! - songs.addedAt[x]! || position[x]! - position[y]!,
      );
    }),
  };

  const albumOrder = (sort: AlbumSort) =>
    lazy(function* () {
      const name = yield* albumRank.slices();
      const artist = yield* artistRank.slices();
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
      return yield* sortRows(albums.length, compare[sort]);
    });
  const albumOrders = Object.fromEntries(ALBUM_SORTS.map((sort) => [sort, albumOrder(sort)]));

  const artistOrder = (sort: ArtistSort) =>
    lazy(function* () {
      const name = yield* artistRank.slices();
      const byName = (x: number, y: number) =>
        name.get(artists[x]!.name)! - name.get(artists[y]!.name)! || x - y;
      return yield* sortRows(
        artists.length,
        sort === 'name'
          ? byName
          : (x, y) => artists[y]!.addedAt - artists[x]!.addedAt || byName(x, y),
      );
    });
  const artistOrders = Object.fromEntries(ARTIST_SORTS.map((sort) => [sort, artistOrder(sort)]));

  return {
    songs: (sort) => songOrders[sort].get(),
    albums: (sort) => albumOrders[sort]!.get(),
    artists: (sort) => artistOrders[sort]!.get(),
    *warm() {
      for (const order of Object.values(songOrders)) yield* order.slices();
      for (const order of Object.values(albumOrders)) yield* order.slices();
      for (const order of Object.values(artistOrders)) yield* order.slices();
      ({ artistRank, albumRank, titleRank } = ranks()); // all built: drop the name ranks (~10 MB)
    },
  };
}
