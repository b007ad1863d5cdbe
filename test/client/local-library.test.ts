import { describe, expect, it } from 'vitest';
import {
  localAlbum,
  localAlbums,
  localArtist,
  localArtists,
  localGenres,
  localSongs,
} from '../../client/lib/local-library.ts';
import { makeSong } from './fixtures.ts';

/** Two albums by one artist, one compilation track by another, a second disc out of order. */
const songs = [
  makeSong('b2', { title: 'Second', album: 'Blue', albumId: 'blue', trackNumber: 2, year: 1999 }),
  makeSong('b1', { title: 'First', album: 'Blue', albumId: 'blue', trackNumber: 1, year: 1999 }),
  makeSong('d2', {
    title: 'Disc two',
    album: 'Blue',
    albumId: 'blue',
    trackNumber: 1,
    discNumber: 2,
    year: 1999,
  }),
  makeSong('a1', {
    title: 'Ámbar',
    album: 'Amber',
    albumId: 'amber',
    trackNumber: 1,
    year: 2005,
    genres: ['Rock', 'Jazz'],
  }),
  makeSong('z1', {
    title: 'Zed',
    artist: 'Zed',
    albumArtist: 'Various Artists',
    artistId: 'various',
    album: 'Hits',
    albumId: 'hits',
    genres: ['Pop'],
    genre: 'Pop',
  }),
];

describe('offline views rebuilt from the songs kept', () => {
  it('lists songs in the server order: artist, album, disc, track', () => {
    expect(localSongs(songs, { artistId: 'ar1' }).map((s) => s.id)).toEqual([
      'a1',
      'b1',
      'b2',
      'd2',
    ]);
    expect(localSongs(songs, { sort: 'title' }).map((s) => s.id)).toEqual([
      'a1',
      'd2',
      'b1',
      'b2',
      'z1',
    ]);
  });

  it('searches accent-insensitively and filters by album and genre', () => {
    expect(localSongs(songs, { q: 'ambar' }).map((s) => s.id)).toEqual(['a1']);
    expect(localSongs(songs, { albumId: 'blue' })).toHaveLength(3);
    expect(localSongs(songs, { genre: 'rock' }).map((s) => s.id)).toEqual(['a1']);
  });

  it('groups albums with counts, duration and genres, under the album artist', () => {
    const albums = localAlbums(songs);
    expect(albums.map((a) => a.name)).toEqual(['Amber', 'Blue', 'Hits']);
    const blue = albums.find((a) => a.id === 'blue');
    expect(blue).toMatchObject({
      songCount: 3,
      duration: 300,
      artistId: 'ar1',
      year: 1999,
      genres: ['Jazz'],
    });
    expect(albums.find((a) => a.id === 'hits')?.artist).toBe('Various Artists');
    expect(localAlbums(songs, { sort: 'year' }).map((a) => a.id)[0]).toBe('amber');
    expect(localAlbums(songs, { q: 'various' }).map((a) => a.id)).toEqual(['hits']);
    expect(localAlbums(songs, { genre: 'Pop' }).map((a) => a.id)).toEqual(['hits']);
  });

  it('rebuilds one album with its songs in disc and track order, or null', () => {
    expect(localAlbum(songs, 'blue')?.songs.map((s) => s.id)).toEqual(['b1', 'b2', 'd2']);
    expect(localAlbum(songs, 'nope')).toBeNull();
  });

  it('lists artists with their album and song counts, and one artist with albums', () => {
    expect(localArtists(songs)).toEqual([
      expect.objectContaining({ id: 'ar1', name: 'Artist', albumCount: 2, songCount: 4 }),
      expect.objectContaining({
        id: 'various',
        name: 'Various Artists',
        albumCount: 1,
        songCount: 1,
      }),
    ]);
    expect(localArtist(songs, 'ar1')?.albums.map((a) => a.id)).toEqual(['amber', 'blue']);
    expect(localArtist(songs, 'nope')).toBeNull();
  });

  it('counts genres across every genre of a song', () => {
    expect(localGenres(songs)).toEqual([
      { name: 'Jazz', songCount: 4, albumCount: 2 },
      { name: 'Pop', songCount: 1, albumCount: 1 },
      { name: 'Rock', songCount: 1, albumCount: 1 },
    ]);
  });
});
