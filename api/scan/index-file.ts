import type { Readable } from 'node:stream';
import type { SongRecord } from '../catalog/song.ts';
import type { PictureStore } from '../covers/picture-store.ts';
import type { AudioObjectInfo, AudioStore } from '../storage/audio-store.ts';
import { withCodec } from './audio-type.ts';
import { digestFile } from './digest-file.ts';
import { namesFromKey } from './key-names.ts';
import { playableDuration, UndecodableError } from './playable-duration.ts';
import { readTags } from './read-tags.ts';
import { songIdOf } from './song-id.ts';

export interface IndexDeps {
  source: AudioStore;
  target: AudioStore;
  pictures: PictureStore;
}

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
  const whole = () => source.read(info.key, 0, info.size - 1);
  // A small file is read once for both passes; a large one is streamed twice, never held whole.
  const bytes = info.size <= READ_WHOLE_BYTES ? await readAll(whole(), info.size) : null;
  const tags = await readTags(bytes ?? whole(), fileType, info.size);
  const isMpeg = tags.format.container === 'MPEG';
  const { etag, mpeg } = bytes
    ? await digestFile([bytes], isMpeg)
    : await digestStream(whole(), isMpeg);
  const duration = playableDuration(tags.format, info.size, mpeg);
  const pictureId = tags.picture ? await pictures.add(tags.picture) : null;
  if (target !== source) await target.write?.(info, whole());

  const names = namesFromKey(info.key);
  const artist = tags.artist ?? names.artist ?? 'Unknown artist';
  return {
    id: songIdOf(info.key),
    key: info.key,
    version: info.version,
    mtimeMs: info.mtimeMs,
    size: info.size,
    etag,
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

async function readAll(stream: Readable, size: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(size);
  let at = 0;
  try {
    for await (const piece of stream) {
      const chunk = piece as Uint8Array;
      if (at + chunk.length > size) throw new Error('the file grew while it was read');
      bytes.set(chunk, at);
      at += chunk.length;
    }
  } finally {
    stream.destroy();
  }
  if (at !== size) throw new Error('the file shrank while it was read');
  return bytes;
}

async function digestStream(stream: Readable, isMpeg: boolean) {
  try {
    return await digestFile(stream as AsyncIterable<Uint8Array>, isMpeg);
  } finally {
    stream.destroy();
  }
}
