import { stripControlChars } from '../text/control-chars.ts';

/** Longest title, artist or album kept: a 5 MB title tag must not go into every catalog page. */
export const MAX_NAME_LENGTH = 256;
export const MAX_GENRE_LENGTH = 64;
export const MAX_GENRES = 8;

/** A tag value as the catalog keeps it: no controls, collapsed spaces, capped, or null when empty. */
export function cleanTag(value: string | undefined | null, max = MAX_NAME_LENGTH): string | null {
  if (typeof value !== 'string') return null;
  // Cut first so a huge tag costs no more than a small one, then once more after cleaning.
  const text = stripControlChars(cutAt(value, max * 2));
  return text ? cutAt(text, max).trimEnd() : null;
}

/** Genres from every genre tag: split on `;`, cleaned, without repeats (case-insensitively), capped. */
export function cleanGenres(values: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  const genres: string[] = [];
  for (const value of values ?? []) {
    // `;` separates genres in one tag; NUL separates ID3v2.4 values.
    for (const part of value.replaceAll(String.fromCharCode(0), ';').split(';')) {
      const genre = cleanTag(part, MAX_GENRE_LENGTH);
      if (!genre || seen.has(genre.toLowerCase())) continue;
      seen.add(genre.toLowerCase());
      genres.push(genre);
      if (genres.length === MAX_GENRES) return genres;
    }
  }
  return genres;
}

/** A positive whole number in range (track, disc, year), or null. */
export function cleanNumber(value: number | null | undefined, max: number): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max
    ? value
    : null;
}

/** At most `max` UTF-16 units, never splitting a surrogate pair. */
function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
