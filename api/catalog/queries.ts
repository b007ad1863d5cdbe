import type { LibraryIndex } from './library-index.ts';
import { matchesAll, queryTerms } from './search-text.ts';
import type { SongSearch } from './song-search.ts';
import type { AlbumSort, ArtistSort, SongSort, SortOrders } from './sort-orders.ts';
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
  const { songs } = index;
  const keep = songFilter(state, query, view);
  if (query.sort === 'recently-played' || query.sort === 'most-played') {
    const played = [...view.plays.entries()]
      .map(([id, plays]) => ({ row: index.songById.get(id), ...plays }))
      .filter((p): p is typeof p & { row: number } => p.row !== undefined && keep(p.row))
      .sort((x, y) =>
        query.sort === 'most-played'
          ? y.count - x.count || y.lastPlayedAt - x.lastPlayedAt
          : y.lastPlayedAt - x.lastPlayedAt,
      );
    return page(
      played.map((p) => p.row),
      query,
    );
  }
  return walk(state.orders.songs(query.sort ?? 'default'), keep, query, songs.length);
}

export function queryAlbums(state: QueryState, query: AlbumQuery): RowPage {
  const { albums, artistById } = state.index;
  const terms = queryTerms(query.q);
  const artist = query.artistId === undefined ? undefined : (artistById.get(query.artistId) ?? -1);
  const genre = query.genre?.toLocaleLowerCase('en');
  const keep = (a: number) => {
    const album = albums[a]!;
    if (artist !== undefined && album.artistIndex !== artist) return false;
    if (genre !== undefined && !album.genres.some((g) => g.toLocaleLowerCase('en') === genre))
      return false;
    return terms.length === 0 || matchesAll(albumText(state.index, a), terms);
  };
  return walk(state.orders.albums(query.sort ?? 'name'), keep, query, albums.length);
}

export function queryArtists(state: QueryState, query: ArtistQuery): RowPage {
  const terms = queryTerms(query.q);
  const { artists } = state.index;
  const keep = (a: number) => terms.length === 0 || matchesAll(foldName(artists[a]!.name), terms);
  return walk(state.orders.artists(query.sort ?? 'name'), keep, query, artists.length);
}

function songFilter(state: QueryState, query: SongQuery, view: UserView): (row: number) => boolean {
  const { index } = state;
  const { songs, albumOf, albums } = index;
  const tests: ((row: number) => boolean)[] = [];
  if (query.albumId !== undefined) {
    const album = index.albumById.get(query.albumId) ?? -1;
    tests.push((row) => albumOf[row] === album);
  }
  if (query.artistId !== undefined) {
    const artist = index.artistById.get(query.artistId) ?? -1;
    tests.push((row) => albums[albumOf[row]!]!.artistIndex === artist);
  }
  if (query.genre !== undefined) {
    const genre = query.genre.toLocaleLowerCase('en');
    // Genre lists are shared between songs: decide once per distinct list.
    const decided = new Map<readonly string[], boolean>();
    tests.push((row) => {
      const list = songs.genres[row]!;
      let yes = decided.get(list);
      if (yes === undefined) {
        yes = list.some((g) => g.toLocaleLowerCase('en') === genre);
        decided.set(list, yes);
      }
      return yes;
    });
  }
  if (query.favourite) {
    const favourites = view.favourites.songs;
    tests.push((row) => favourites.has(songs.id[row]!));
  }
  const terms = queryTerms(query.q);
  if (terms.length > 0) {
    const hits = state.search.match(terms);
    tests.push((row) => hits[row] === 1);
  }
  return (row) => tests.every((test) => test(row));
}

/** Counts every kept row of `order` and collects the asked page. */
function walk(
  order: Uint32Array,
  keep: (row: number) => boolean,
  { limit, offset }: { limit: number; offset: number },
  length: number,
): RowPage {
  const rows: number[] = [];
  let total = 0;
  for (let i = 0; i < length; i++) {
    const row = order[i]!;
    if (!keep(row)) continue;
    if (total >= offset && rows.length < limit) rows.push(row);
    total++;
  }
  return { rows, total };
}

function page(all: number[], { limit, offset }: { limit: number; offset: number }): RowPage {
  return { rows: all.slice(offset, offset + limit), total: all.length };
}

const albumTexts = new WeakMap<LibraryIndex, string[]>();

/** Folded "name artist" of each album, made once per catalog. */
function albumText(index: LibraryIndex, a: number): string {
  let texts = albumTexts.get(index);
  if (!texts) {
    texts = index.albums.map((album) =>
      foldName(`${album.name ?? ''}\u0001${index.artists[album.artistIndex]!.name}`),
    );
    albumTexts.set(index, texts);
  }
  return texts[a]!;
}

function foldName(text: string): string {
  return queryTerms(text).join(' ');
}
