import type { Readable } from 'node:stream';
import { parseStream } from 'music-metadata';

export interface SongTags {
  title: string | null;
  artist: string | null;
  album: string | null;
  trackNumber: number | null;
  year: number | null;
  genre: string | null;
  duration: number;
  codec: string | undefined;
  cover: { type: string; bytes: Uint8Array } | null;
}

/** Reads tags, duration and the front cover with music-metadata. Throws on files it cannot parse. */
export async function readTags(bytes: Readable, mimeType: string, size: number): Promise<SongTags> {
  // music-metadata may stop reading early: destroy the stream so the file handle is released.
  const { common, format } = await parseStream(
    bytes,
    { mimeType, size },
    { duration: true },
  ).finally(() => bytes.destroy());
  if (!format.duration || !Number.isFinite(format.duration)) {
    throw new Error('no audio duration found (not an audio file, or damaged)');
  }
  const picture = common.picture?.find((p) => /front/i.test(p.type ?? '')) ?? common.picture?.[0];
  return {
    title: clean(common.title),
    artist: clean(common.artist ?? common.albumartist),
    album: clean(common.album),
    trackNumber: common.track.no ?? null,
    year: common.year ?? null,
    genre: clean(common.genre?.[0]),
    duration: Math.round(format.duration * 1000) / 1000,
    codec: format.codec,
    cover: picture ? { type: picture.format, bytes: new Uint8Array(picture.data) } : null,
  };
}

function clean(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
