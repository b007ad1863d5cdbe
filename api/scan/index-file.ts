import type { SongRecord } from '../catalog/song.ts';
import type { PictureStore } from '../covers/picture-store.ts';
import type { AudioObjectInfo, AudioStore } from '../storage/audio-store.ts';
import { withCodec } from './audio-type.ts';
import { digestFile, type FileDigest } from './digest-file.ts';
import { namesFromKey } from './key-names.ts';
import { playableDuration, UndecodableError } from './playable-duration.ts';
import { readTags, type SongTags } from './read-tags.ts';
import { songIdOf } from './song-id.ts';

export interface IndexDeps {
  source: AudioStore;
  target: AudioStore;
  pictures: PictureStore;
}

/** Files up to this size are read into memory once; larger ones are streamed, never held whole. */
const READ_WHOLE_BYTES = 16 * 1024 * 1024;

/**
 * Reads one new or changed file into a record: tags and format (music-metadata), then one pass for
 * the content hash and, for MPEG, the frame count; the front picture is stored once per distinct
 * picture. Throws UndecodableError for files that parse but hold no playable song.
 */
export async function indexFile(
  info: AudioObjectInfo,
  fileType: string,
  addedAt: number,
  { source, target, pictures }: IndexDeps,
): Promise<SongRecord> {
  if (info.size === 0) throw new UndecodableError('empty file');
  // The version listed, or nothing: a file changed since the listing is read by the next rescan.
  const object = await source.open(info.key, info.version);
  if (!object) throw new Error('changed while it was scanned (the next rescan reads it)');
  let tags: SongTags;
  let digest: FileDigest;
  try {
    const whole = () => object.read(0, info.size - 1);
    const bytes = info.size <= READ_WHOLE_BYTES ? await readAll(whole(), info.size) : null;
    tags = await readTags(bytes ?? whole(), fileType, info.size);
    digest = await digestFile(bytes ? [bytes] : whole(), tags.format.container === 'MPEG');
    if (target !== source) await target.write?.(info, bytes ? [bytes] : whole());
  } finally {
    object.close();
  }
  const duration = playableDuration(tags.format, info.size, digest.mpeg);
  const pictureId = tags.picture ? await pictures.add(tags.picture) : null;

  const names = namesFromKey(info.key);
  const artist = tags.artist ?? names.artist ?? 'Unknown artist';
  return {
    id: songIdOf(info.key),
    key: info.key,
    version: info.version,
    mtimeMs: info.mtimeMs,
    size: info.size,
    etag: digest.etag,
    mimeType: withCodec(fileType, tags.format.codec),
    duration,
    title: tags.title ?? names.title,
    artist,
    album: tags.album ?? names.album,
    albumArtist: tags.albumArtist ?? artist,
    trackNumber: tags.trackNumber ?? names.trackNumber,
    discNumber: tags.discNumber,
    year: tags.year,
    genres: tags.genres,
    pictureId,
    addedAt,
  };
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
