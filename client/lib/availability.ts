import type { OfflineState } from '../../sw/protocol.ts';
import { canPlayMime } from './can-play.ts';
import type { Song } from './library-types.ts';

/** Why a song cannot play right now. */
export type UnavailableReason = 'offline' | 'format' | null;

export interface Reach {
  online: boolean;
  states: ReadonlyMap<string, OfflineState>;
}

export function isKeptOffline(id: string, states: Reach['states']): boolean {
  return states.get(id)?.status === 'complete';
}

/** Null when `song` can play now: the browser decodes it, and it is online or kept offline. */
export function unavailableReason(song: Song, reach: Reach): UnavailableReason {
  if (!canPlayMime(song.mimeType)) return 'format';
  if (!reach.online && !isKeptOffline(song.id, reach.states)) return 'offline';
  return null;
}

/** The songs of `songs` that can play now, in order. */
export function playableSongs(songs: Iterable<Song | undefined>, reach: Reach): Song[] {
  const out: Song[] = [];
  for (const song of songs) if (song && unavailableReason(song, reach) === null) out.push(song);
  return out;
}

/** Fisher–Yates, on a copy. */
export function shuffled<T>(items: readonly T[], random = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
