/** The record the worker keeps per song, and its JSON form in the meta store. */

/** One version of a song, as the network told it (or the catalog, via a SongRef). */
export interface SongMeta {
  id: string;
  etag: string;
  size: number;
  mimeType: string;
  /** Absolute stream URL, without query. */
  url: string;
}

export interface SongRecord extends SongMeta {
  chunks: Set<number>;
  lastPlayed: number;
  pinned: boolean;
}

export function toJson(record: SongRecord) {
  return { ...record, chunks: [...record.chunks].sort((a, b) => a - b) };
}

export function fromJson(value: unknown): SongRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const strings = [v['id'], v['etag'], v['mimeType'], v['url']].every((s) => typeof s === 'string');
  if (!strings || typeof v['size'] !== 'number' || !Array.isArray(v['chunks'])) return null;
  return {
    id: v['id'] as string,
    etag: v['etag'] as string,
    size: v['size'],
    mimeType: v['mimeType'] as string,
    url: v['url'] as string,
    chunks: new Set(v['chunks'].filter((n): n is number => Number.isInteger(n))),
    lastPlayed: typeof v['lastPlayed'] === 'number' ? v['lastPlayed'] : 0,
    pinned: v['pinned'] === true,
  };
}
