import type { IAudioMetadata } from 'music-metadata';
import type { IRandomAccessTokenizer } from 'strtok3';
import { oggTailDuration } from './ogg-tail-duration.ts';
import { cleanGenres, cleanNumber, cleanTag } from './tag-text.ts';

export interface SongTags {
  title: string | null;
  artist: string | null;
  /** The album artist tag, or "Various Artists" for a compilation without one. */
  albumArtist: string | null;
  album: string | null;
  trackNumber: number | null;
  discNumber: number | null;
  year: number | null;
  genres: string[];
  picture: Uint8Array | null;
  /** What music-metadata found of the audio itself, for the decodability check. */
  format: AudioFormat;
}

/** The part of music-metadata's format the scan uses: plain data, cheap to pass between threads. */
export type AudioFormat = Pick<
  IAudioMetadata['format'],
  'container' | 'codec' | 'duration' | 'sampleRate' | 'numberOfSamples'
>;

export const VARIOUS_ARTISTS = 'Various Artists';

let loading: Promise<typeof import('music-metadata')> | undefined;
/**
 * Loaded at the first file read, not at start (a restart with the catalog built reads none), and
 * kept: an `import()` of a loaded module still costs ~20 µs, a few percent of a small file's parse.
 */
const musicMetadata = () => {
  loading ??= import('music-metadata');
  return loading;
};

/**
 * Reads tags, format and the front picture with music-metadata, from the whole file in memory
 * (small files: one read serves the parse and the hash) or from a stream. Throws on files it
 * cannot parse.
 */
export async function readTags(
  bytes: Uint8Array | ReadableStream<Uint8Array>,
  mimeType: string,
  size: number,
): Promise<SongTags> {
  const { parseBuffer, parseWebStream } = await musicMetadata();
  if (bytes instanceof Uint8Array) {
    // MP3 in memory: the scan walks every frame itself (digestFile), so music-metadata need not:
    // without `duration` it stops after a few frames, and a VBR file without a Xing header (the
    // only case where it would have counted them all) gets its duration from that walk
    // (playableDuration). Anything else named .mp3 (ADTS AAC) is parsed again with `duration`.
    const mp3 = mimeType === 'audio/mpeg';
    const metadata = await parseBuffer(bytes, { mimeType, size }, { duration: !mp3 });
    const { container, duration } = metadata.format;
    if (!mp3 || duration || container === 'MPEG') return toSongTags(metadata);
    return toSongTags(await parseBuffer(bytes, { mimeType, size }, { duration: true }));
  }
  try {
    return toSongTags(await parseWebStream(bytes, { mimeType, size }, { duration: true }));
  } finally {
    // music-metadata may stop reading early: cancel the stream so the read releases what it holds.
    await bytes.cancel().catch(() => {});
  }
}

/**
 * The same, through ranged reads (an object store: only headers, tags and tails are fetched).
 * Ogg durations come from the last page: music-metadata would read every page to reach it.
 */
export async function readTagsRanged(tokenizer: IRandomAccessTokenizer): Promise<SongTags> {
  const { parseFromTokenizer } = await musicMetadata();
  const ogg = /ogg|opus/i.test(tokenizer.fileInfo.mimeType ?? '');
  const metadata = await parseFromTokenizer(tokenizer, { duration: !ogg });
  const { format } = metadata;
  if (!ogg || format.duration) return toSongTags(metadata);
  const duration = await oggTailDuration(tokenizer, format.codec, format.sampleRate);
  return toSongTags({ ...metadata, format: { ...format, duration: duration ?? undefined } });
}

function toSongTags({ common, format }: IAudioMetadata): SongTags {
  const picture = common.picture?.find((p) => /front/i.test(p.type ?? '')) ?? common.picture?.[0];
  const albumArtist = cleanTag(common.albumartist);
  return {
    title: cleanTag(common.title),
    artist: cleanTag(common.artist) ?? albumArtist,
    albumArtist: albumArtist ?? (common.compilation ? VARIOUS_ARTISTS : null),
    album: cleanTag(common.album),
    trackNumber: cleanNumber(common.track.no, 9999),
    discNumber: cleanNumber(common.disk.no, 999),
    year: cleanNumber(common.year, 9999),
    genres: cleanGenres(common.genre),
    picture: picture ? new Uint8Array(picture.data) : null,
    format: {
      container: format.container,
      codec: format.codec,
      duration: format.duration,
      sampleRate: format.sampleRate,
      numberOfSamples: format.numberOfSamples,
    },
  };
}
