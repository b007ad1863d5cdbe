import type { Shard } from './shard-codec.ts';
import type { SongRecord } from './song.ts';

/**
 * Every song of the catalog as columns: numbers in typed arrays, strings in arrays where names that
 * repeat (artists, albums, genres, types) are one shared string. At 100 000 songs this holds about
 * half of what as many record objects would, and sorting or filtering reads only the columns it
 * needs.
 */
export interface SongTable {
  readonly length: number;
  readonly id: readonly string[];
  readonly key: readonly string[];
  readonly version: readonly string[];
  readonly etag: readonly string[];
  readonly mimeType: readonly string[];
  readonly title: readonly string[];
  readonly artist: readonly string[];
  readonly album: readonly (string | null)[];
  readonly albumArtist: readonly string[];
  readonly genres: readonly (readonly string[])[];
  readonly pictureId: readonly (string | null)[];
  readonly mtimeMs: Float64Array;
  readonly size: Float64Array;
  readonly duration: Float64Array;
  readonly addedAt: Float64Array;
  /** 0 stands for "none" in these three. */
  readonly trackNumber: Uint16Array;
  readonly discNumber: Uint16Array;
  readonly year: Uint16Array;
}

/** One row as a record (for the scan and the snapshot). */
export function recordAt(table: SongTable, i: number): SongRecord {
  return {
    id: table.id[i]!,
    key: table.key[i]!,
    version: table.version[i]!,
    mtimeMs: table.mtimeMs[i]!,
    size: table.size[i]!,
    etag: table.etag[i]!,
    mimeType: table.mimeType[i]!,
    duration: table.duration[i]!,
    title: table.title[i]!,
    artist: table.artist[i]!,
    album: table.album[i] ?? null,
    albumArtist: table.albumArtist[i]!,
    trackNumber: table.trackNumber[i] || null,
    discNumber: table.discNumber[i] || null,
    year: table.year[i] || null,
    genres: [...table.genres[i]!],
    pictureId: table.pictureId[i] ?? null,
    addedAt: table.addedAt[i]!,
  };
}

/** Builds a table row by row, sharing repeated strings. */
export function createTableBuilder(capacity: number) {
  const shared = new Map<string, string>();
  const genreLists = new Map<string, readonly string[]>();
  const one = (text: string) => {
    const known = shared.get(text);
    if (known !== undefined) return known;
    shared.set(text, text);
    return text;
  };
  const t = {
    length: 0,
    id: [] as string[],
    key: [] as string[],
    version: [] as string[],
    etag: [] as string[],
    mimeType: [] as string[],
    title: [] as string[],
    artist: [] as string[],
    album: [] as (string | null)[],
    albumArtist: [] as string[],
    genres: [] as (readonly string[])[],
    pictureId: [] as (string | null)[],
    mtimeMs: new Float64Array(capacity),
    size: new Float64Array(capacity),
    duration: new Float64Array(capacity),
    addedAt: new Float64Array(capacity),
    trackNumber: new Uint16Array(capacity),
    discNumber: new Uint16Array(capacity),
    year: new Uint16Array(capacity),
  };
  const genresOf = (genres: readonly string[]) => {
    const key = genres.join('\u0000');
    let shared = genreLists.get(key);
    if (!shared) {
      shared = Object.freeze(genres.map(one));
      genreLists.set(key, shared);
    }
    return shared;
  };
  return {
    /** A persisted shard's songs, column by column (no record object per song). */
    addShard(shard: Shard) {
      const n = shard.id.length;
      if (t.length + n > capacity) throw new Error('song table is full');
      const names = shard.names.map(one);
      const name = (at: number) => (at < 0 ? null : names[at]!);
      const lists = shard.genreLists.map((list) => genresOf(list.map((at) => names[at]!)));
      const start = t.length;
      for (let j = 0; j < n; j++) {
        const i = start + j;
        t.id.push(shard.id[j]!);
        t.key.push(shard.key[j]!);
        t.version.push(shard.version[j]!);
        t.etag.push(shard.etag[j]!);
        t.title.push(shard.title[j]!);
        t.artist.push(names[shard.artist[j]!]!);
        t.album.push(name(shard.album[j]!));
        t.albumArtist.push(names[shard.albumArtist[j]!]!);
        t.mimeType.push(names[shard.mimeType[j]!]!);
        t.pictureId.push(name(shard.pictureId[j]!));
        t.genres.push(lists[shard.genres[j]!]!);
        t.mtimeMs[i] = shard.mtimeMs[j]!;
        t.size[i] = shard.size[j]!;
        t.duration[i] = shard.duration[j]!;
        t.addedAt[i] = shard.addedAt[j]!;
        t.trackNumber[i] = shard.trackNumber[j]!;
        t.discNumber[i] = shard.discNumber[j]!;
        t.year[i] = shard.year[j]!;
      }
      t.length += n;
    },
    add(r: SongRecord) {
      if (t.length === capacity) throw new Error('song table is full');
      const i = t.length++;
      t.id.push(r.id);
      t.key.push(r.key);
      t.version.push(r.version);
      t.etag.push(r.etag);
      t.mimeType.push(one(r.mimeType));
      t.title.push(r.title);
      t.artist.push(one(r.artist));
      t.album.push(r.album === null ? null : one(r.album));
      t.albumArtist.push(one(r.albumArtist));
      t.genres.push(genresOf(r.genres));
      t.pictureId.push(r.pictureId === null ? null : one(r.pictureId));
      t.mtimeMs[i] = r.mtimeMs;
      t.size[i] = r.size;
      t.duration[i] = r.duration;
      t.addedAt[i] = r.addedAt;
      t.trackNumber[i] = r.trackNumber ?? 0;
      t.discNumber[i] = r.discNumber ?? 0;
      t.year[i] = r.year ?? 0;
    },
    build(): SongTable {
      return t;
    },
  };
}
