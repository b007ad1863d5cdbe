import type { AudioObjectInfo, AudioStore } from '../storage/audio-store.ts';
import { createRangeTokenizer } from '../storage/range-tokenizer.ts';
import { digestFile, type FileDigest } from './digest-file.ts';
import { FLAC_TAIL_BYTES, flacFramesEnd, flacNominalBlockSize } from './flac-frames.ts';
import { UndecodableError } from './playable-duration.ts';
import { rangeReaderOf } from './read-range.ts';
import { readTags, readTagsRanged, type SongTags } from './read-tags.ts';

/** What reading a file gives the scan: its tags and format, its content hash and MPEG frames. */
export interface SongFile {
  tags: SongTags;
  digest: FileDigest;
  /** FLAC: samples its last frames reach (null when that cannot be told). */
  flacSamples: number | null;
}

/** Reads one file of the listing into a SongFile (in the scan's thread or a parse worker). */
export type SongFileReader = (info: AudioObjectInfo, fileType: string) => Promise<SongFile>;

export const CHANGED_WHILE_SCANNED = 'changed while it was scanned (the next rescan reads it)';

/** Files up to this size are read into memory once; larger ones are streamed, never held whole. */
export const READ_WHOLE_BYTES = 16 * 1024 * 1024;

/**
 * Reads the version listed of one file: tags and format (music-metadata), then one pass for the
 * content hash and, for MPEG, the frame count. `copy` receives the same bytes (the scan copies
 * files into a store that keeps its own). Throws on a file that changed since the listing (the
 * next rescan reads it) or that cannot be parsed.
 */
export async function readSongFile(
  source: AudioStore,
  info: AudioObjectInfo,
  fileType: string,
  copy?: (bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) => Promise<void>,
): Promise<SongFile> {
  if (info.size === 0) throw new UndecodableError('empty file');
  const object = await source.open(info.key, info.version);
  if (!object) throw new Error(CHANGED_WHILE_SCANNED);
  try {
    const whole = () => object.read(0, info.size - 1);
    if (info.etag) {
      // An object store: its ETag identifies the content, and tags come from ranged reads, so the
      // song is not downloaded (nor its MPEG frames walked: the header's length is taken).
      const reader = rangeReaderOf(object);
      const tokenizer = createRangeTokenizer(reader, { size: info.size, mimeType: fileType });
      const tags = await readTagsRanged(tokenizer);
      if (copy) await copy(whole());
      const part = (start: number, end: number) => reader(start, end - 1);
      const flacSamples = tags.format.container === 'FLAC' ? await flacEnd(info.size, part) : null;
      return { tags, digest: { etag: info.etag, mpeg: null }, flacSamples };
    }
    if (info.size <= READ_WHOLE_BYTES) {
      const bytes = await readAll(whole(), info.size);
      if (copy) await copy([bytes]);
      return await songFileOf(bytes, fileType);
    }
    const tags = await readTags(whole(), fileType, info.size);
    const digest = await digestFile(whole(), tags.format.container === 'MPEG');
    if (copy) await copy(whole());
    const part = (start: number, end: number) => readAll(object.read(start, end - 1), end - start);
    const flacSamples = tags.format.container === 'FLAC' ? await flacEnd(info.size, part) : null;
    return { tags, digest, flacSamples };
  } finally {
    object.close();
  }
}

/** A file read whole into memory: one buffer serves the parse, the hash and the frame walk. */
export async function songFileOf(bytes: Uint8Array, fileType: string): Promise<SongFile> {
  const tags = await readTags(bytes, fileType, bytes.length);
  const digest = await digestFile([bytes], tags.format.container === 'MPEG');
  const part = async (start: number, end: number) => bytes.subarray(start, end);
  const flacSamples = tags.format.container === 'FLAC' ? await flacEnd(bytes.length, part) : null;
  return { tags, digest, flacSamples };
}

async function flacEnd(
  size: number,
  part: (start: number, end: number) => Promise<Uint8Array>,
): Promise<number | null> {
  const nominal = flacNominalBlockSize(await part(0, Math.min(size, 12)));
  if (!nominal) return null;
  return flacFramesEnd(await part(Math.max(0, size - FLAC_TAIL_BYTES), size), nominal);
}

/** The whole object in one buffer (the store's stream errors if the object changes meanwhile). */
async function readAll(stream: ReadableStream<Uint8Array>, size: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(size);
  let at = 0;
  for await (const chunk of stream) {
    if (at + chunk.length > size) throw new Error('the file grew while it was read');
    bytes.set(chunk, at);
    at += chunk.length;
  }
  if (at !== size) throw new Error('the file shrank while it was read');
  return bytes;
}
