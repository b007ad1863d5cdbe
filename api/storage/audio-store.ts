import type { Readable, Writable } from 'node:stream';

/** What a store knows about one audio object without reading it. */
export interface AudioObjectInfo {
  key: string;
  size: number;
  mtimeMs: number;
  /**
   * Opaque identity of this version of the object: it changes whenever the bytes may have changed
   * (fs: device, inode, size, mtime and ctime; an object store: its ETag). Rescans compare it, and
   * the stream path checks it when it opens the object, so a replaced file is never served under
   * the validators of the one that was scanned.
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
 * cheapest ranged read its storage allows; none ever loads a whole song to serve a range.
 */
export interface AudioStore {
  /** Short backend name, for logs and /api/health. */
  readonly name: string;
  list(): Promise<AudioObjectInfo[]>;
  stat(key: string): Promise<AudioObjectInfo | null>;
  /**
   * Bytes `start..end` (inclusive) of `key`. Destroying the returned stream releases the underlying
   * file handle or storage request at once.
   */
  read(key: string, start: number, end: number): Readable;
  /**
   * Optional fast path for Node's HTTP server: writes bytes `start..end` into `out` and ends it,
   * releasing what it opened when done or when `out` closes early. `version` (as the catalog knows
   * it) keeps a replaced file from being served through an old handle.
   */
  send?(key: string, version: string, start: number, end: number, out: Writable): void;
  /** Present on stores that hold copies (the chunked layout); the fs store reads the folder itself. */
  write?(info: AudioObjectInfo, bytes: Readable): Promise<void>;
  remove?(key: string): Promise<void>;
  dispose?(): Promise<void>;
}

/** Errors thrown by stores carry this prefix, in unstorage's style. */
export function storeError(store: string, message: string): Error {
  return new Error(`[tapedeck] [${store}] ${message}`);
}
