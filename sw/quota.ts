/**
 * The byte budget for song chunks. Before a chunk is stored past the budget, least recently played
 * songs are evicted whole: never the song being written or the one playing; pinned songs only as a
 * last resort, and only for the playing song or another pinned one. When even that cannot make
 * room, nothing is evicted and the caller streams without caching.
 */
import type { SongIndex } from './song-index.ts';

export interface EvictionCandidate {
  id: string;
  bytes: number;
  lastPlayed: number;
  pinned: boolean;
}

export interface EvictionNeed {
  used: number;
  need: number;
  budget: number;
  /** Never evicted (the song being written, the song playing). */
  keep: ReadonlySet<string>;
  allowPinned: boolean;
}

/** Songs to evict, least recently played first; null when the need cannot be met at all. */
export function pickEvictions(
  candidates: EvictionCandidate[],
  need: EvictionNeed,
): string[] | null {
  const picked: string[] = [];
  let used = need.used;
  for (const candidate of evictionOrder(candidates, need.keep, need.allowPinned)) {
    if (used + need.need <= need.budget) break;
    picked.push(candidate.id);
    used -= candidate.bytes;
  }
  return used + need.need <= need.budget ? picked : null;
}

/** Evictable songs holding bytes: unpinned ones by age, then (when allowed) pinned ones by age. */
export function evictionOrder(
  candidates: EvictionCandidate[],
  keep: ReadonlySet<string>,
  allowPinned: boolean,
): EvictionCandidate[] {
  const byAge = (a: EvictionCandidate, b: EvictionCandidate) => a.lastPlayed - b.lastPlayed;
  const open = candidates.filter((c) => !keep.has(c.id) && c.bytes > 0);
  const pinned = allowPinned ? open.filter((c) => c.pinned).sort(byAge) : [];
  return [...open.filter((c) => !c.pinned).sort(byAge), ...pinned];
}

export interface Quota {
  /** Evicts what is needed to store `bytes` more for song `forId`; false when it cannot. */
  makeRoom(forId: string, bytes: number): Promise<boolean>;
  /** After a QuotaExceededError: evicts the least recently played evictable song, if any. */
  evictOne(forId: string): Promise<boolean>;
  /** Brings usage under the budget (after the budget was lowered); pinned songs stay. */
  enforce(): Promise<void>;
  setPlaying(id: string | null): void;
  playing(): string | null;
}

export interface QuotaDeps {
  index: SongIndex;
  budget: () => number;
  /** Deletes a song's chunks and record. */
  evict: (id: string) => Promise<void>;
}

export function createQuota({ index, budget, evict }: QuotaDeps): Quota {
  let playing: string | null = null;

  const candidates = () =>
    index.all().map((r) => ({
      id: r.id,
      bytes: index.cachedBytes(r.id),
      lastPlayed: r.lastPlayed,
      pinned: r.pinned,
    }));
  const keepFor = (forId: string | null) =>
    new Set([forId, playing].filter((id): id is string => id !== null));
  const evictAll = async (ids: string[]) => {
    for (const id of ids) await evict(id);
  };

  return {
    async makeRoom(forId, bytes) {
      const allowPinned = forId === playing || index.get(forId)?.pinned === true;
      const need = {
        used: index.totalBytes(),
        need: bytes,
        budget: budget(),
        keep: keepFor(forId),
      };
      const picked = pickEvictions(candidates(), { ...need, allowPinned });
      if (picked === null) return false;
      await evictAll(picked);
      return true;
    },
    async evictOne(forId) {
      const [oldest] = evictionOrder(candidates(), keepFor(forId), false);
      if (!oldest) return false;
      await evict(oldest.id);
      return true;
    },
    async enforce() {
      const need = { used: index.totalBytes(), need: 0, budget: budget(), keep: keepFor(null) };
      const picked = pickEvictions(candidates(), { ...need, allowPinned: false });
      // When the pinned songs alone exceed the budget, evict all the others and keep the pinned.
      const fallback = candidates().filter((c) => !c.pinned && c.id !== playing && c.bytes > 0);
      await evictAll(picked ?? fallback.map((c) => c.id));
    },
    setPlaying(id) {
      playing = id;
    },
    playing: () => playing,
  };
}
