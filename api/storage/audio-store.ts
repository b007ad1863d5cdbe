import type { Writable } from 'node:stream';

/** What a store knows about one audio object without reading it. */
export interface AudioObjectInfo {
  /** Relative POSIX path (`Artist/Album/03 - Song.mp3`) or object-store key; never shown to clients. */
  key: string;
  size: number;
  mtimeMs: number;
  /**
   * Opaque identity of this version of the object: it changes whenever the bytes may have changed
   * (fs: device, inode, size, mtime and ctime; an object store: its ETag). Rescans compare it, and
   * `open` checks it, so a replaced file is never served under the validators of the scanned one.
   */
  version: string;
  /**
   * A strong ETag of the content when the store keeps one (an object store's ETag), so the scan
   * need not read the whole object to hash it.
   */
  etag?: string;
}

/**
 * The one interface the stream route and the scanner read audio through. Each backend implements the
 * cheapest ranged read its storage allows; none ever loads a whole song to serve a range. Only web
 * types in the required part, so any runtime and any backend (fs, chunked copies, an S3 store whose
 * reads are signed ranged GETs) fits.
 */
export interface AudioStore {
  /** Short backend name, for logs and /api/health. */
  readonly name: string;
  list(): Promise<AudioObjectInfo[]>;
  stat(key: string): Promise<AudioObjectInfo | null>;
  /**
   * Opens `key` as it was when it had `version`. Resolves null when the object is gone or is another
   * version now (the caller rescans it and answers from the new catalog). Rejects on other failures.
   * A store that can only tell at read time (S3's `If-Match` → 412) may resolve and let the first
   * read fail with StaleObjectError.
   */
  open(key: string, version: string): Promise<AudioObject | null>;
  /**
   * Optional: `open` without a promise when the store can answer at once (the fs store, a descriptor
   * already open and still this version); undefined means "ask `open`". On the hot path, where a
   * promise chain per request was a measurable share of the stream route's CPU.
   */
  openNow?(key: string, version: string): AudioObject | undefined;
  /** Present on stores that hold copies (the chunked layout); the fs store reads the folder itself. */
  write?(
    info: AudioObjectInfo,
    bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  ): Promise<void>;
  remove?(key: string): Promise<void>;
  dispose?(): Promise<void>;
}

/** One opened version of an object. Reads may overlap; `close` once they are all done. */
export interface AudioObject {
  /**
   * Bytes `start..end` (inclusive). Cancelling the stream, or aborting `signal`, stops reading and
   * releases what the read holds at once. The stream never ends short: if the object changes or
   * shrinks while it is read, it errors with StaleObjectError.
   */
  read(start: number, end: number, signal?: AbortSignal): ReadableStream<Uint8Array>;
  /**
   * Optional fast path for Node's HTTP server (the fs store: positional reads from a shared
   * descriptor into the socket, no web stream): writes bytes `start..end` into `out` without ending
   * it, then calls `done()`; on a change, a short read or `out` closing, calls `done(error)` and the
   * caller cuts the connection.
   */
  send?(start: number, end: number, out: Writable, done: (error?: Error) => void): void;
  /** Releases the object; reads still running keep what they need until they end. */
  close(): void;
}

/** The object changed (or shrank, or vanished) while it was being read: cut, never splice. */
export class StaleObjectError extends Error {
  constructor(store: string, message: string) {
    super(`[tapedeck] [${store}] ${message}`);
  }
}

/** Errors thrown by stores carry this prefix, in unstorage's style. */
export function storeError(store: string, message: string): Error {
  return new Error(`[tapedeck] [${store}] ${message}`);
}
