import { createHash } from 'node:crypto';

/**
 * How names are compared when grouping: Unicode-normalised, case-folded, spaces collapsed. "The
 * Beatles" and "the  beatles" are one artist; "Beyoncé" and "Beyonce" stay two.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}

/** Opaque, URL-safe, stable: derived from names alone, so every instance computes the same id. */
export function artistIdOf(albumArtist: string): string {
  return hashId(`artist\u0000${nameKey(albumArtist)}`);
}

/** Albums group by album artist and album name; songs without an album share one per artist. */
export function albumIdOf(albumArtist: string, album: string | null): string {
  return hashId(`album\u0000${nameKey(albumArtist)}\u0000${nameKey(album ?? '')}`);
}

/** Album and artist ids have the shape of song ids: 16 base64url characters. */
export const ENTITY_ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;

function hashId(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}
