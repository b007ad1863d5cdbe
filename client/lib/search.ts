import type { Song } from './library-types.ts';

/** Lower-case, accents removed, spacing collapsed: `  Beyoncé ` → `beyonce`. */
export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * True when every word of `query` appears in the song's title, artist or album, ignoring case and
 * accents — the same rule the server applies, so offline results look like online ones.
 */
export function matchesQuery(song: Song, query: string): boolean {
  return matchesText(`${song.title} ${song.artist} ${song.album ?? ''}`, query);
}

/** True when every word of `query` appears in `text` (same rule). */
export function matchesText(text: string, query: string): boolean {
  const words = normalizeText(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normalizeText(text);
  return words.every((word) => haystack.includes(word));
}

/** The songs matching `query`, in their original order. */
export function filterSongs(songs: Iterable<Song>, query: string): Song[] {
  const out: Song[] = [];
  for (const song of songs) if (matchesQuery(song, query)) out.push(song);
  return out;
}
