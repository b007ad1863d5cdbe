import { type FavouriteKind, LIMITS } from './types.ts';

/**
 * The per-user documents as kept in the state store, and the pure changes made to them. Times are
 * milliseconds since the epoch. Every change returns a new document (or the same one when nothing
 * changed, so nothing is written).
 */

/** `[id, addedAt]`, oldest first. */
export type FavouritesDoc = Record<FavouriteKind, [string, number][]>;

export interface PlaysDoc {
  /** `[songId, playedAt]`, newest first, at most LIMITS.plays. */
  recent: [string, number][];
  /** songId → `[count, lastPlayedAt]`: every play ever counted, for "most played". */
  counts: Record<string, [number, number]>;
}

export interface PlaylistDoc {
  id: string;
  name: string;
  songIds: string[];
  createdAt: number;
  updatedAt: number;
}

/** What the playlist list shows, kept up to date at every write (reading it reads one document). */
export interface PlaylistEntry {
  id: string;
  name: string;
  songCount: number;
  duration: number;
  coverSongId: string | null;
  updatedAt: number;
}

export interface QueueDoc {
  songIds: string[];
  index: number;
  position: number;
  updatedAt: number;
}

export const emptyFavourites = (): FavouritesDoc => ({ songs: [], albums: [], artists: [] });
export const emptyPlays = (): PlaysDoc => ({ recent: [], counts: {} });

export function withFavourite(
  doc: FavouritesDoc,
  kind: FavouriteKind,
  id: string,
  on: boolean,
  now: number,
): FavouritesDoc {
  const has = doc[kind].some(([known]) => known === id);
  if (has === on) return doc;
  const list = on
    ? [...doc[kind], [id, now] as [string, number]]
    : doc[kind].filter(([known]) => known !== id);
  if (list.length > LIMITS.favourites)
    throw new RangeError(`at most ${LIMITS.favourites} favourite ${kind}`);
  return { ...doc, [kind]: list };
}

/** Records a play at the listener's own time: an offline play arriving late lands in its place. */
export function withPlay(doc: PlaysDoc, songId: string, playedAt: number): PlaysDoc {
  const recent = [...doc.recent];
  let at = recent.findIndex(([, time]) => time < playedAt);
  if (at < 0) at = recent.length;
  recent.splice(at, 0, [songId, playedAt]);
  recent.length = Math.min(recent.length, LIMITS.plays);
  // Changed in place: the document was just read for this write, and copying a heavy listener's
  // counts (one per song ever played) at every play would cost more than the rest together.
  const counts = doc.counts;
  const [count, last] = Object.hasOwn(counts, songId)
    ? (counts[songId] as [number, number])
    : [0, 0];
  counts[songId] = [count + 1, Math.max(last, playedAt)];
  return { recent, counts };
}

export function entryOf(
  doc: PlaylistDoc,
  durationOf: (songId: string) => number | undefined,
): PlaylistEntry {
  let duration = 0;
  for (const id of doc.songIds) duration += durationOf(id) ?? 0;
  return {
    id: doc.id,
    name: doc.name,
    songCount: doc.songIds.length,
    duration,
    coverSongId: doc.songIds[0] ?? null,
    updatedAt: doc.updatedAt,
  };
}

/** The list with `entry` in place of the playlist of the same id (or added), newest first. */
export function withEntry(list: PlaylistEntry[], entry: PlaylistEntry): PlaylistEntry[] {
  return [entry, ...list.filter((e) => e.id !== entry.id)].sort(
    (a, b) => b.updatedAt - a.updatedAt,
  );
}
