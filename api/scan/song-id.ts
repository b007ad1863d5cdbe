import { createHash } from 'node:crypto';

/** An opaque, URL-safe id derived from the storage key: stable across rescans, reveals no path. */
export function songIdOf(key: string): string {
  return createHash('sha256').update(`song:${key}`).digest('base64url').slice(0, 16);
}

/** Ids are what songIdOf produces; anything else is rejected before any lookup. */
export const SONG_ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;
