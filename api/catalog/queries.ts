import type { LibraryIndex } from './library-index.ts';
import { matchesAll, queryTerms } from './search-text.ts';
import { finish, type Sliced } from './sliced.ts';
import type { SongSearch } from './song-search.ts';
import type { AlbumSort, ArtistSort, SongSort, SortOrders } from './sort-orders.ts';
import { userRows } from './user-rows.ts';
import type { UserView } from './user-view.ts';

export interface QueryState {
  index: LibraryIndex;
  orders: SortOrders;
  search: SongSearch;
}

export type SongListSort = SongSort | 'recently-played' | 'most-played';

export interface SongQuery {
  q?: string;
  albumId?: string;
  artistId?: string;
  genre?: string;
  favourite?: boolean;
  sort?: SongListSort;
  limit: number;
  offset: number;
}

export interface AlbumQuery {
  q?: string;
  artistId?: string;
  genre?: string;
  sort?: AlbumSort;
  limit: number;
  offset: number;
}

export interface ArtistQuery {
  q?: string;
  sort?: ArtistSort;
  limit: number;
  offset: number;
}

export interface RowPage {
  rows: number[];
  total: number;
}

/** Songs matching every filter, in the asked order, one page of rows. */
export function querySongs(state: QueryState, query: SongQuery, view: UserView): RowPage {
  const { index } = state;
  const keep = songFilter(state, query);
  const sort = query.sort ?? 'default';
  const user = userRows(index, view);
  let order =
    sort === 'recently-played' || sort === 'most-played'
      ? user.played(sort)
      : state.orders.songs(sort);
  // The listener's favourites in this order, cached: other filters then walk only those.
  if (query.favourite) order = user.favouritesIn(sort, order);
  return walk(order, keep, query, order.length);
}

export function queryAlbums(state: QueryState, query: AlbumQuery): RowPage {
  const { albums, artistById } = state.index;
  const terms = queryTerms(query.q);
  const artist = query.artistId === undefined ? undefined : (artistById.get(query.artistId) ?? -1);
  const genre = query.genre?.toLocaleLowerCase('en');
  const names = nameTexts(state.index);
  const keep = (a: number) => {
    const album = albums[a]!;
    if (artist !== undefined && album.artistIndex !== artist) return false;
    if (genre !== undefined && !names.albumGenres[a]!.includes(genre)) return false;
    return terms.length === 0 || matchesAll(names.albums[a]!, terms);
  };
  return walk(state.orders.albums(query.sort ?? 'name'), keep, query, albums.length);
}

export function queryArtists(state: QueryState, query: ArtistQuery): RowPage {
  const terms = queryTerms(query.q);
  const { artists } = state.index;
  const names = nameTexts(state.index).artists;
  const keep = (a: number) => terms.length === 0 || matchesAll(names[a]!, terms);
  return walk(state.orders.artists(query.sort ?? 'name'), keep, query, artists.length);
}

/** The rows every filter but `favourite` keeps (1), or null when there is no such filter. */
function songFilter(state: QueryState, query: SongQuery): Uint8Array | null {
  const { index } = state;
  const { songs, albums } = index;
  const masks: Uint8Array[] = [];
  if (query.albumId !== undefined) {
    const mask = new Uint8Array(songs.length);
    const album = index.albumById.get(query.albumId);
    if (album !== undefined) for (const row of albums[album]!.songs) mask[row] = 1;
    masks.push(mask);
  }
  if (query.artistId !== undefined) {
    const mask = new Uint8Array(songs.length);
    const artist = index.artistById.get(query.artistId);
    if (artist !== undefined) {
      for (const a of index.artists[artist]!.albums)
        for (const row of albums[a]!.songs) mask[row] = 1;
    }
    masks.push(mask);
  }
  if (query.genre !== undefined) {
    const mask = new Uint8Array(songs.length);
    const genre = index.genres.get(query.genre.toLocaleLowerCase('en'));
    for (const row of genre?.rows ?? []) mask[row] = 1;
    masks.push(mask);
  }
  const terms = queryTerms(query.q);
  if (terms.length > 0) masks.push(state.search.match(terms));
  if (masks.length === 0) return null;
  const all = masks[0]!;
  for (const mask of masks.slice(1))
    for (let row = 0; row < all.length; row++) all[row]! &= mask[row]!;
  return all;
}

/** Counts every kept row of `order` (all when `keep` is null) and collects the asked page. */
function walk(
  order: Uint32Array,
  keep: Uint8Array | ((row: number) => boolean) | null,
  { limit, offset }: { limit: number; offset: number },
  length: number,
): RowPage {
  if (keep === null) return { rows: [...order.subarray(offset, offset + limit)], total: length };
  const rows: number[] = [];
  let total = 0;
  // Two loops rather than one with a closure per row: the mask case is the hot one (searches and
  // song filters walk all 100 000 rows of the order).
  if (typeof keep === 'function') {
    for (let i = 0; i < length; i++) {
      const row = order[i]!;
      if (!keep(row)) continue;
      if (total >= offset && rows.length < limit) rows.push(row);
      total++;
    }
  } else {
    for (let i = 0; i < length; i++) {
      const row = order[i]!;
      if (keep[row] !== 1) continue;
      if (total >= offset && rows.length < limit) rows.push(row);
      total++;
    }
  }
  return { rows, total };
}

interface NameTexts {
  albums: string[];
  artists: string[];
  /** Each album's genres, lower-cased as the genre filter compares them. */
  albumGenres: string[][];
}

const texts = new WeakMap<LibraryIndex, NameTexts>();

/** Folded "name artist" of each album and name of each artist, made once per catalog. */
export function nameTexts(index: LibraryIndex): NameTexts {
  return texts.get(index) ?? finish(nameTextsSlices(index));
}

/** The same, slice by slice (see sliced.ts). */
export function* nameTextsSlices(index: LibraryIndex): Sliced<NameTexts> {
  const known = texts.get(index);
  if (known) return known;
  const made: NameTexts = { albums: [], artists: [], albumGenres: [] };
  for (const [a, album] of index.albums.entries()) {
    made.albums.push(foldName(`${album.name ?? ''} ${index.artists[album.artistIndex]!.name}`));
    made.albumGenres.push(album.genres.map((g) => g.toLocaleLowerCase('en')));
    if ((a & 255) === 0) yield;
  }
  for (const [a, artist] of index.artists.entries()) {
    made.artists.push(foldName(artist.name));
    if ((a & 255) === 0) yield;
  }
  // Made meanwhile by a request that could not wait: keep that one.
  const meanwhile = texts.get(index);
  if (meanwhile) return meanwhile;
  texts.set(index, made);
  return made;
}

function foldName(text: string): string {
  return queryTerms(text).join(' ');
}
