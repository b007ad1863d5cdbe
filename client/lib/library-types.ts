import type { Album, Artist, Song } from '../../api/catalog/song.ts';

/** What the browse API returns (DESIGN.md, "Browsing a real library"): the server's own types. */
export type { Album, Artist, Genre, Page, Song } from '../../api/catalog/song.ts';

export interface AlbumDetail extends Album {
  /** Disc and track order. */
  songs: Song[];
}

export interface ArtistDetail extends Artist {
  albums: Album[];
}

export interface Favourites {
  songs: Song[];
  albums: Album[];
  artists: Artist[];
}

export type SongSort = 'default' | 'title' | 'added' | 'recently-played' | 'most-played';
export type AlbumSort = 'name' | 'year' | 'added' | 'artist';
export type ArtistSort = 'name' | 'added';
