import { parseFromTokenizer } from 'music-metadata';
import type { IRandomAccessTokenizer } from 'strtok3';
import { oggTailDuration } from './ogg-tail-duration.ts';

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

/**
 * Reads tags, duration and the front cover with music-metadata, through ranged reads (so from an
 * object store only the parts it needs: headers, tags, the tail). Ogg durations come from the last
 * page (music-metadata would read every page to get there). Throws on files it cannot parse.
 */
export async function readTags(tokenizer: IRandomAccessTokenizer): Promise<SongTags> {
  const ogg = /ogg|opus/i.test(tokenizer.fileInfo.mimeType ?? '');
  const { common, format } = await parseFromTokenizer(tokenizer, { duration: !ogg });
  const duration =
    format.duration ??
    (ogg ? await oggTailDuration(tokenizer, format.codec, format.sampleRate) : null);
  if (!duration || !Number.isFinite(duration)) {
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
    duration: Math.round(duration * 1000) / 1000,
    codec: format.codec,
    cover: picture ? { type: picture.format, bytes: new Uint8Array(picture.data) } : null,
  };
}

function clean(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
