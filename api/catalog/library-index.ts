import { countGenres, type GenreEntry } from './genre-index.ts';
import { albumIdOf, artistIdOf } from './ids.ts';
import { finish, type Sliced } from './sliced.ts';
import type { SongTable } from './song-table.ts';

export interface AlbumInfo {
  id: string;
  name: string | null;
  artistIndex: number;
  year: number | null;
  genres: readonly string[];
  duration: number;
  /** The album's cover: the first song (disc/track order) with a picture. */
  pictureId: string | null;
  addedAt: number;
  /** Song rows in disc, track, title order. */
  songs: Uint32Array;
}

export interface ArtistInfo {
  id: string;
  name: string;
  /** Album indexes, oldest first (year, then name). */
  albums: number[];
  songCount: number;
  pictureId: string | null;
  addedAt: number;
}

/** The catalog in memory: the song table plus what is derived from it at load. */
export interface LibraryIndex {
  songs: SongTable;
  /** Row of each song's album. */
  albumOf: Uint32Array;
  albums: AlbumInfo[];
  artists: ArtistInfo[];
  /** By lower-cased name, ordered by name. */
  genres: Map<string, GenreEntry>;
  songById: Map<string, number>;
  albumById: Map<string, number>;
  artistById: Map<string, number>;
}

const MAX_ALBUM_GENRES = 8;

/** Groups the songs into albums (album artist + album name) and album artists. */
export function buildLibraryIndex(songs: SongTable): LibraryIndex {
  return finish(libraryIndexSlices(songs));
}

/** The same, slice by slice (see sliced.ts). */
export function* libraryIndexSlices(songs: SongTable): Sliced<LibraryIndex> {
  const n = songs.length;
  const songById = new Map<string, number>();
  const albumOf = new Uint32Array(n);
  const albumById = new Map<string, number>();
  const artistById = new Map<string, number>();
  const albumRows: number[][] = [];
  const albumArtist: number[] = [];
  const artists: ArtistInfo[] = [];
  // Album artist → album name → album row, keyed by the table's shared strings (their hashes are
  // computed once), so ids are hashed once per album as spelled, not once per song.
  const spelled = new Map<string, Map<string | null, number>>();

  const addAlbum = (albumId: string, artistName: string): number => {
    const album = albumRows.length;
    albumById.set(albumId, album);
    albumRows.push([]);
    const artistId = artistIdOf(artistName);
    let artist = artistById.get(artistId);
    if (artist === undefined) {
      artist = artists.length;
      artistById.set(artistId, artist);
      artists.push({
        id: artistId,
        name: artistName,
        albums: [],
        songCount: 0,
        pictureId: null,
        addedAt: 0,
      });
    }
    albumArtist.push(artist);
    return album;
  };

  for (let i = 0; i < n; i++) {
    songById.set(songs.id[i]!, i);
    const artistName = songs.albumArtist[i]!;
    const albumName = songs.album[i] ?? null;
    let byName = spelled.get(artistName);
    if (!byName) {
      byName = new Map();
      spelled.set(artistName, byName);
    }
    let album = byName.get(albumName);
    if (album === undefined) {
      const albumId = albumIdOf(artistName, albumName);
      album = albumById.get(albumId) ?? addAlbum(albumId, artistName);
      byName.set(albumName, album);
    }
    albumOf[i] = album;
    albumRows[album]!.push(i);
    if ((i & 1023) === 0) yield;
  }

  const albumIds = [...albumById.keys()];
  const genres = yield* countGenres(songs, albumOf);
  const albums: AlbumInfo[] = [];
  for (let a = 0; a < albumRows.length; a++) {
    albums.push(describeAlbum(albumIds[a]!, songs, albumRows[a]!, albumArtist[a]!, genres));
    if ((a & 63) === 0) yield;
  }
  yield;
  for (const [a, album] of albums.entries()) {
    const artist = artists[album.artistIndex]!;
    artist.albums.push(a);
    artist.songCount += album.songs.length;
    artist.addedAt = Math.max(artist.addedAt, album.addedAt);
  }
  for (const [i, artist] of artists.entries()) {
    artist.albums.sort((x, y) => compareDiscography(albums[x]!, albums[y]!));
    const newest = [...artist.albums].reverse().find((a) => albums[a]!.pictureId);
    artist.pictureId = newest === undefined ? null : albums[newest]!.pictureId;
    if ((i & 63) === 0) yield;
  }
  return {
    songs,
    albumOf,
    albums,
    artists,
    genres,
    songById,
    albumById,
    artistById,
  };
}

function describeAlbum(
  id: string,
  songs: SongTable,
  rows: number[],
  artistIndex: number,
  catalogGenres: Map<string, GenreEntry>,
): AlbumInfo {
  rows.sort(
    (x, y) =>
      (songs.discNumber[x]! || 0xffff) - (songs.discNumber[y]! || 0xffff) ||
      (songs.trackNumber[x]! || 0xffff) - (songs.trackNumber[y]! || 0xffff) ||
      (songs.title[x]! < songs.title[y]! ? -1 : songs.title[x]! > songs.title[y]! ? 1 : 0) ||
      x - y,
  );
  // Genres counted without regard to case, each spelled as in the catalog's genre list.
  const genreCounts = new Map<string, { name: string; count: number }>();
  let duration = 0;
  let addedAt = 0;
  let pictureId: string | null = null;
  let year: number | null = null;
  for (const i of rows) {
    duration += songs.duration[i]!;
    addedAt = Math.max(addedAt, songs.addedAt[i]!);
    pictureId ??= songs.pictureId[i] ?? null;
    year ??= songs.year[i] || null;
    for (const genre of songs.genres[i]!) {
      const key = genre.toLocaleLowerCase('en');
      const counted = genreCounts.get(key) ?? { name: catalogGenres.get(key)!.name, count: 0 };
      counted.count++;
      genreCounts.set(key, counted);
    }
  }
  const genres = [...genreCounts.values()]
    .sort((x, y) => y.count - x.count || (x.name < y.name ? -1 : 1))
    .slice(0, MAX_ALBUM_GENRES)
    .map(({ name }) => name);
  return {
    id,
    name: songs.album[rows[0]!] ?? null,
    artistIndex,
    year,
    genres,
    duration: Math.round(duration * 1000) / 1000,
    pictureId,
    addedAt,
    songs: Uint32Array.from(rows),
  };
}

/** An artist's albums oldest first; albums without a year last. */
function compareDiscography(x: AlbumInfo, y: AlbumInfo): number {
  return (x.year ?? 99999) - (y.year ?? 99999) || (x.name ?? '').localeCompare(y.name ?? '');
}
