import { HTTPError } from 'h3';
import { LIMITS } from './types.ts';

/**
 * Checks of what a listener sends the per-user routes: anything wrong is a 400 naming the field,
 * never a 5xx, and nothing unchecked reaches a storage key.
 */

const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A play may be dated a little ahead: clocks of phones and servers differ. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Nothing was played with Tapedeck before this. */
const EARLIEST_PLAY = Date.UTC(2000, 0, 1);
const MAX_POSITION_S = 24 * 3600;

export function badRequest(message: string) {
  return HTTPError.status(400, 'Bad Request', { message });
}

/** An id from the path (playlist, song, album, artist): URL-safe, short. */
export function readId(value: unknown, what: string): string {
  if (typeof value !== 'string' || !ID.test(value)) throw badRequest(`${what} is not a valid id`);
  return value;
}

export function readName(value: unknown): string {
  if (typeof value !== 'string') throw badRequest('name must be a string');
  const name = value.trim();
  if (name === '') throw badRequest('name must not be empty');
  if ([...name].length > LIMITS.playlistName)
    throw badRequest(`name is longer than ${LIMITS.playlistName} characters`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name))
    throw badRequest('name holds control characters');
  return name;
}

/** Song ids that must all be in the catalog; repeats allowed. */
export function readSongIds(value: unknown, max: number, known: (id: string) => boolean): string[] {
  if (!Array.isArray(value)) throw badRequest('songIds must be an array');
  if (value.length > max) throw badRequest(`songIds holds more than ${max} songs`);
  const unknown = value.filter((id) => typeof id !== 'string' || !ID.test(id) || !known(id));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 3).map((id) => JSON.stringify(id).slice(0, 70));
    throw badRequest(
      `songIds holds ${unknown.length} unknown song${unknown.length === 1 ? '' : 's'}: ${shown.join(', ')}`,
    );
  }
  return value as string[];
}

/** An ISO 8601 time with its zone (the listener's clock), not in the future. Milliseconds. */
export function readPlayedAt(value: unknown, now: number): number {
  const time =
    typeof value === 'string' &&
    /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)$/.test(value)
      ? Date.parse(value)
      : Number.NaN;
  if (!Number.isFinite(time)) throw badRequest('playedAt must be an ISO 8601 time with a zone');
  if (time > now + CLOCK_SKEW_MS) throw badRequest('playedAt is in the future');
  if (time < EARLIEST_PLAY) throw badRequest('playedAt is too long ago');
  return time;
}

export function readQueue(body: Record<string, unknown>, known: (id: string) => boolean) {
  const songIds = readSongIds(body.songIds, LIMITS.queueSongs, known);
  const { index, position } = body;
  if (
    !Number.isInteger(index) ||
    (index as number) < 0 ||
    (index as number) >= Math.max(1, songIds.length)
  ) {
    throw badRequest('index must be the position of a song in songIds');
  }
  if (
    typeof position !== 'number' ||
    !Number.isFinite(position) ||
    position < 0 ||
    position > MAX_POSITION_S
  ) {
    throw badRequest(`position must be a number of seconds from 0 to ${MAX_POSITION_S}`);
  }
  return { songIds, index: index as number, position };
}

/** `?limit=` from 1 to `max`. */
export function readLimit(value: unknown, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const text = typeof value === 'string' ? value : '';
  const limit = Number(text);
  if (!/^\d{1,4}$/.test(text) || limit < 1 || limit > max)
    throw badRequest(`limit must be a whole number from 1 to ${max}`);
  return limit;
}

/** Only `allowed` keys: a typo (`songsIds`) is an error, not silently ignored. */
export function onlyKeys(body: Record<string, unknown>, allowed: readonly string[]): void {
  const extra = Object.keys(body).filter((key) => !allowed.includes(key));
  if (extra.length > 0) throw badRequest(`unknown field ${JSON.stringify(extra[0]).slice(0, 70)}`);
}
