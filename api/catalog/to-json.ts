import { type CoverSource, coverUrlOf, streamUrlOf } from './cover-url.ts';
import type { LibraryIndex } from './library-index.ts';
import type { Album, Artist, Song } from './song.ts';
import type { UserView } from './user-view.ts';

/** The public shapes, built per response from the index (nothing is kept twice in memory). */
export function songJson(index: LibraryIndex, row: number, view: UserView): Song {
  const { songs, albums, artists } = index;
  const id = songs.id[row]!;
  const album = albums[index.albumOf[row]!]!;
  const genres = songs.genres[row]!;
  return {
    id,
    title: songs.title[row]!,
    artist: songs.artist[row]!,
    album: songs.album[row] ?? null,
    albumId: album.id,
    albumArtist: songs.albumArtist[row]!,
    artistId: artists[album.artistIndex]!.id,
    trackNumber: songs.trackNumber[row] || null,
    discNumber: songs.discNumber[row] || null,
    year: songs.year[row] || null,
    genre: genres[0] ?? null,
    genres: [...genres],
    duration: songs.duration[row]!,
    mimeType: songs.mimeType[row]!,
    size: songs.size[row]!,
    etag: songs.etag[row]!,
    coverUrl: coverUrlOf('songs', id, songCoverSource(index, row)),
    streamUrl: streamUrlOf(id, songs.etag[row]!),
    favourite: view.favourites.songs.has(id),
  };
}

export function albumJson(index: LibraryIndex, a: number, view: UserView): Album {
  const album = index.albums[a]!;
  const artist = index.artists[album.artistIndex]!;
  return {
    id: album.id,
    name: album.name ?? UNKNOWN_ALBUM,
    artist: artist.name,
    artistId: artist.id,
    year: album.year,
    genres: [...album.genres],
    songCount: album.songs.length,
    duration: album.duration,
    coverUrl: coverUrlOf('albums', album.id, albumCoverSource(index, a)),
    favourite: view.favourites.albums.has(album.id),
  };
}

export function artistJson(index: LibraryIndex, a: number, view: UserView): Artist {
  const artist = index.artists[a]!;
  return {
    id: artist.id,
    name: artist.name,
    albumCount: artist.albums.length,
    songCount: artist.songCount,
    coverUrl: coverUrlOf('artists', artist.id, artistCoverSource(index, a)),
    favourite: view.favourites.artists.has(artist.id),
  };
}

/** Songs without an album tag or folder are grouped under this name per album artist. */
export const UNKNOWN_ALBUM = 'Unknown album';

export function songCoverSource(index: LibraryIndex, row: number): CoverSource {
  const pictureId = index.songs.pictureId[row];
  if (pictureId) return { pictureId };
  return { placeholderSeed: index.songs.album[row] ?? index.songs.albumArtist[row]! };
}

export function albumCoverSource(index: LibraryIndex, a: number): CoverSource {
  const album = index.albums[a]!;
  if (album.pictureId) return { pictureId: album.pictureId };
  return { placeholderSeed: album.name ?? index.artists[album.artistIndex]!.name };
}

export function artistCoverSource(index: LibraryIndex, a: number): CoverSource {
  const artist = index.artists[a]!;
  if (artist.pictureId) return { pictureId: artist.pictureId };
  return { placeholderSeed: artist.name };
}
