import type { Album, Artist, Genre, Song } from '../../../client/lib/library-types.ts';

/**
 * A made-up library of any size, in the browse API's shapes (DESIGN.md), for measuring the client
 * alone: 10 songs an album, 10 albums an artist. Items are built on demand from their index, so a
 * 100 000-song library costs nothing until a page of it is asked for.
 */
export interface SyntheticLibrary {
  songs: number;
  albums: number;
  artists: number;
  song(index: number): Song;
  album(index: number): Album;
  artist(index: number): Artist;
  genres: Genre[];
}

const SONGS_PER_ALBUM = 10;
const ALBUMS_PER_ARTIST = 10;
const GENRES = ['Ambient', 'Electronic', 'Folk', 'Jazz', 'Rock', 'Classical', 'Hip-Hop', 'Pop'];

export function createSyntheticLibrary(songCount: number): SyntheticLibrary {
  const albums = Math.ceil(songCount / SONGS_PER_ALBUM);
  const artists = Math.ceil(albums / ALBUMS_PER_ARTIST);
  const artistName = (a: number) => `Artist ${pad(a)}`;
  const albumName = (b: number) => `Album ${pad(b)}`;
  const genreOf = (b: number) => GENRES[b % GENRES.length] as string;
  const cover = (b: number) => `/api/songs/s${b * SONGS_PER_ALBUM}/cover?v=1`;
  const album = (b: number): Album => {
    const a = Math.floor(b / ALBUMS_PER_ARTIST);
    const songs = Math.min(SONGS_PER_ALBUM, songCount - b * SONGS_PER_ALBUM);
    return {
      id: `al${b}`,
      name: albumName(b),
      artist: artistName(a),
      artistId: `ar${a}`,
      year: 1970 + (b % 50),
      genres: [genreOf(b)],
      songCount: songs,
      duration: songs * 200,
      coverUrl: cover(b),
      favourite: false,
    };
  };
  return {
    songs: songCount,
    albums,
    artists,
    album,
    song(i) {
      const b = Math.floor(i / SONGS_PER_ALBUM);
      const a = Math.floor(b / ALBUMS_PER_ARTIST);
      return {
        id: `s${i}`,
        title: `Song ${pad(i)}`,
        artist: artistName(a),
        album: albumName(b),
        albumId: `al${b}`,
        artistId: `ar${a}`,
        albumArtist: artistName(a),
        trackNumber: (i % SONGS_PER_ALBUM) + 1,
        discNumber: 1,
        year: 1970 + (b % 50),
        genre: genreOf(b),
        genres: [genreOf(b)],
        duration: 200,
        mimeType: 'audio/mpeg',
        size: 3_200_000,
        etag: `"s${i}"`,
        coverUrl: cover(b),
        streamUrl: `/songs/listen/s${i}`,
        favourite: false,
      };
    },
    artist(a) {
      const first = a * ALBUMS_PER_ARTIST;
      const count = Math.min(ALBUMS_PER_ARTIST, albums - first);
      return {
        id: `ar${a}`,
        name: artistName(a),
        albumCount: count,
        songCount: count * SONGS_PER_ALBUM,
        coverUrl: cover(first),
        favourite: false,
      };
    },
    genres: GENRES.map((name, g) => ({
      name,
      albumCount: Math.floor(albums / GENRES.length) + (g < albums % GENRES.length ? 1 : 0),
      songCount: Math.floor(songCount / GENRES.length),
    })),
  };
}

function pad(n: number): string {
  return String(n).padStart(6, '0');
}
