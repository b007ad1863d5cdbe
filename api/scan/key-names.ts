import { cleanTag } from './tag-text.ts';

/**
 * Names for untagged files from their key, a relative `/`-separated path: the usual
 * `Artist/Album/03 - Song.mp3` layout gives artist, album, track number and title.
 */
export function namesFromKey(key: string): {
  artist: string | null;
  album: string | null;
  title: string;
  trackNumber: number | null;
} {
  const parts = key.split('/');
  const file = parts.at(-1) ?? key;
  const digits = /^(\d{1,3})\b/.exec(file)?.[1];
  return {
    artist: parts.length >= 3 ? cleanTag(parts.at(-3)) : null,
    album: parts.length >= 2 ? cleanTag(parts.at(-2)) : null,
    title: cleanTag(file.replace(/\.[^.]+$/, '')) ?? 'Untitled',
    trackNumber: digits ? Number(digits) || null : null,
  };
}

/** The file name alone, for log lines (the logger escapes it). */
export function fileNameOf(key: string): string {
  return key.split('/').at(-1) ?? key;
}
