import type { Song as CatalogSong } from '../../api/catalog/song.ts';

/**
 * What the browse API returns (DESIGN.md, "Browsing a real library"). The catalog's Song gains its
 * album and artist ids, disc number and the user's favourite flag there; they are optional here
 * only until every server answers them.
 */
export type Song = CatalogSong & {
  albumId?: string;
  artistId?: string;
  albumArtist?: string;
  discNumber?: number | null;
  genres?: string[];
  favourite?: boolean;
};

export interface Album {
  id: string;
  name: string;
  artist: string;
  artistId: string;
  year: number | null;
  genres: string[];
  songCount: number;
  /** Seconds. */
  duration: number;
  coverUrl: string | null;
  favourite: boolean;
}

export interface AlbumDetail extends Album {
  /** Disc and track order. */
  songs: Song[];
}

export interface Artist {
  id: string;
  name: string;
  albumCount: number;
  songCount: number;
  coverUrl: string | null;
  favourite: boolean;
}

export interface ArtistDetail extends Artist {
  albums: Album[];
}

export interface Genre {
  name: string;
  songCount: number;
  albumCount: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Favourites {
  songs: Song[];
  albums: Album[];
  artists: Artist[];
}

export type SongSort = 'default' | 'title' | 'added' | 'recently-played' | 'most-played';
export type AlbumSort = 'name' | 'year' | 'added' | 'artist';
export type ArtistSort = 'name' | 'added';
