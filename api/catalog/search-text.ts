import type { Song } from './song.ts';

/** Lower-cases and strips accents, so "Beyoncé" matches "beyonce" and "ÉTÉ" matches "ete". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/** The text a query is matched against: title, artist and album. */
export function searchableText(song: Song): string {
  return foldText([song.title, song.artist, song.album ?? ''].join('\n'));
}

/** Every whitespace-separated term of the query must appear somewhere in the song's text. */
export function createMatcher(query: string): (haystack: string) => boolean {
  const terms = foldText(query).split(/\s+/).filter(Boolean);
  return (haystack) => terms.every((term) => haystack.includes(term));
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Stable library order: artist, album, track number, title. */
export function compareSongs(a: Song, b: Song): number {
  return (
    collator.compare(a.artist, b.artist) ||
    collator.compare(a.album ?? '', b.album ?? '') ||
    (a.trackNumber ?? Number.MAX_SAFE_INTEGER) - (b.trackNumber ?? Number.MAX_SAFE_INTEGER) ||
    collator.compare(a.title, b.title) ||
    a.id.localeCompare(b.id)
  );
}
