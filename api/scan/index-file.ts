import type { SongRecord } from '../catalog/song.ts';
import type { PictureStore } from '../covers/picture-store.ts';
import type { AudioObjectInfo, AudioStore } from '../storage/audio-store.ts';
import { withCodec } from './audio-type.ts';
import { namesFromKey } from './key-names.ts';
import { playableDuration } from './playable-duration.ts';
import { readSongFile, type SongFileReader } from './read-song-file.ts';
import { songIdOf } from './song-id.ts';

export interface IndexDeps {
  source: AudioStore;
  target: AudioStore;
  pictures: PictureStore;
  /** Reads the file (a pool of parse workers); by default it is read in this thread. */
  read?: SongFileReader;
}

/**
 * Reads one new or changed file into a record: tags, format, content hash and MPEG frames (see
 * readSongFile); the front picture is stored once per distinct picture. Throws UndecodableError
 * for files that parse but hold no playable song.
 */
export async function indexFile(
  info: AudioObjectInfo,
  fileType: string,
  addedAt: number,
  { source, target, pictures, read }: IndexDeps,
): Promise<SongRecord> {
  // A store that keeps its own copies gets the bytes read here, in one pass.
  const copy =
    target === source
      ? undefined
      : (bytes: Iterable<Uint8Array> | AsyncIterable<Uint8Array>) =>
          target.write?.(info, bytes) ?? Promise.resolve();
  const { tags, digest, flacSamples } =
    read && !copy ? await read(info, fileType) : await readSongFile(source, info, fileType, copy);
  const duration = playableDuration(tags.format, info.size, digest.mpeg, flacSamples);
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
