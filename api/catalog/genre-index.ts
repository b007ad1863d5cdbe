import type { Sliced } from './sliced.ts';
import type { SongTable } from './song-table.ts';

export interface GenreInfo {
  name: string;
  songCount: number;
  albumCount: number;
}

/** A genre and the song rows that have it. */
export interface GenreEntry extends GenreInfo {
  rows: Uint32Array;
}

/** Every genre (spellings that differ only in case are one), with its songs and album count (sliced). */
export function* countGenres(
  songs: SongTable,
  albumOf: Uint32Array,
): Sliced<Map<string, GenreEntry>> {
  const genres = new Map<string, { name: string; rows: number[]; albums: Set<number> }>();
  for (let i = 0; i < songs.length; i++) {
    for (const name of songs.genres[i]!) {
      const key = name.toLocaleLowerCase('en');
      let genre = genres.get(key);
      if (!genre) {
        genre = { name, rows: [], albums: new Set() };
        genres.set(key, genre);
      }
      genre.rows.push(i);
      genre.albums.add(albumOf[i]!);
    }
    if ((i & 1023) === 0) yield;
  }
  const sorted = [...genres.entries()].sort((x, y) => x[1].name.localeCompare(y[1].name));
  return new Map(
    sorted.map(([key, { name, rows, albums }]) => [
      key,
      { name, songCount: rows.length, albumCount: albums.size, rows: Uint32Array.from(rows) },
    ]),
  );
}
