/**
 * The public shape of a song, as the catalog API returns it (see DESIGN.md).
 * Never carries a storage key, a file name or a path.
 */
export interface Song {
  /** Opaque, URL-safe, stable across rescans of the same file. */
  id: string;
  title: string;
  artist: string;
  album: string | null;
  trackNumber: number | null;
  year: number | null;
  genre: string | null;
  /** Seconds. */
  duration: number;
  mimeType: string;
  /** Bytes. */
  size: number;
  /** Strong ETag, quoted, as sent by the stream route. */
  etag: string;
  coverUrl: string | null;
  /** `/songs/listen/<id>` */
  streamUrl: string;
}

/** What the server keeps per song: the public song plus what only the server may know. */
export interface CatalogEntry {
  song: Song;
  /** Key of the audio object in the audio store. Private: never serialised to clients. */
  key: string;
  /** Modification time of the audio object, for Last-Modified. */
  mtimeMs: number;
  /** The audio object's version as scanned (AudioObjectInfo.version), for rescans and opens. */
  version: string;
  /** Embedded artwork, if any: its MIME type; bytes live in the catalog store under `cover:<id>`. */
  coverType: string | null;
}

export interface SongPage {
  items: Song[];
  total: number;
  limit: number;
  offset: number;
}
