/**
 * The public shapes the catalog API returns (see DESIGN.md). None ever carries a storage key, a
 * file name or a path.
 */
export interface Song {
  /** Opaque, URL-safe, stable across rescans of the same file. */
  id: string;
  title: string;
  /** The track's artist. */
  artist: string;
  album: string | null;
  /** Opaque id of the album (album artist + album name); songs without an album tag share one per album artist. */
  albumId: string;
  /** The album artist ("Various Artists" for compilations). */
  albumArtist: string;
  /** Opaque id of the album artist. */
  artistId: string;
  trackNumber: number | null;
  discNumber: number | null;
  year: number | null;
  /** The first genre, kept for older clients. */
  genre: string | null;
  genres: string[];
  /** Seconds. */
  duration: number;
  mimeType: string;
  /** Bytes. */
  size: number;
  /** Strong ETag, quoted, as sent by the stream route. */
  etag: string;
  /**
   * `/api/songs/<id>/cover?v=<version>`; add `&size=64|128|256|512`. Always set (a placeholder
   * when the file has no picture); typed nullable as before for older clients.
   */
  coverUrl: string | null;
  /** `/songs/listen/<id>?v=<short version of the ETag>`: a changed song is a new URL. */
  streamUrl: string;
  /** The signed-in user's favourite (false until a per-user view is wired in). */
  favourite: boolean;
}

export interface Album {
  id: string;
  name: string;
  artist: string;
  artistId: string;
  year: number | null;
  genres: string[];
  songCount: number;
  /** Seconds. */
  duration: number;
  coverUrl: string;
  favourite: boolean;
}

export interface Artist {
  id: string;
  name: string;
  albumCount: number;
  songCount: number;
  coverUrl: string;
  favourite: boolean;
}

export interface Genre {
  name: string;
  songCount: number;
  albumCount: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export type SongPage = Page<Song>;

/**
 * What the scan records per file, and what the catalog persists. Private: `key` and `version` never
 * reach a client.
 */
export interface SongRecord {
  id: string;
  /** Key of the audio object in the audio store (a relative `/`-separated path for fs). */
  key: string;
  /** The audio object's version as scanned (AudioObjectInfo.version), for rescans and opens. */
  version: string;
  /** Modification time of the audio object, for Last-Modified. */
  mtimeMs: number;
  size: number;
  etag: string;
  mimeType: string;
  duration: number;
  title: string;
  artist: string;
  album: string | null;
  albumArtist: string;
  trackNumber: number | null;
  discNumber: number | null;
  year: number | null;
  genres: string[];
  /** Content hash of the stored cover picture, or null for the placeholder. */
  pictureId: string | null;
  /** When this file was first indexed (ms since the epoch): "recently added". */
  addedAt: number;
}

/** The stream path's view of a song: the record plus its public shape. */
export interface CatalogEntry {
  song: Song;
  key: string;
  mtimeMs: number;
  version: string;
  pictureId: string | null;
}
