import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Song } from '../../api/catalog/song.ts';
import { filterSongs, matchesQuery, normalizeText } from '../../client/lib/search.ts';

const song = (title: string, artist: string, album: string | null = null): Song => ({
  id: title,
  title,
  artist,
  album,
  trackNumber: null,
  year: null,
  genre: null,
  duration: 120,
  mimeType: 'audio/mpeg',
  size: 1000,
  etag: '"x"',
  coverUrl: null,
  albumId: 'album',
  albumArtist: 'Album Artist',
  artistId: 'artist',
  discNumber: null,
  genres: [],
  favourite: false,
  streamUrl: `/songs/listen/${title}`,
});

describe('normalizeText', () => {
  it('drops accents and case, collapses spaces', () => {
    expect(normalizeText('  Café   NOIR ')).toBe('cafe noir');
    expect(normalizeText('Beyoncé Knowles')).toBe('beyonce knowles');
    expect(normalizeText('Ångström Øre')).toBe('angstrom øre');
  });
});

describe('matchesQuery (offline search)', () => {
  const cafe = song('Café Noir', 'Okapi Trio', 'Blue Hour Sessions');
  it('matches title, artist and album, accent- and case-insensitively', () => {
    expect(matchesQuery(cafe, 'cafe')).toBe(true);
    expect(matchesQuery(cafe, 'CAFÉ')).toBe(true);
    expect(matchesQuery(cafe, 'okapi')).toBe(true);
    expect(matchesQuery(cafe, 'blue hour')).toBe(true);
  });
  it('needs every word, in any field', () => {
    expect(matchesQuery(cafe, 'noir okapi')).toBe(true);
    expect(matchesQuery(cafe, 'noir jazz')).toBe(false);
  });
  it('an empty query matches everything', () => {
    expect(matchesQuery(cafe, '   ')).toBe(true);
  });
  it('keeps the original order', () => {
    const songs = [song('B side', 'x'), song('A side', 'y'), song('Other', 'z')];
    expect(filterSongs(songs, 'side').map((s) => s.title)).toEqual(['B side', 'A side']);
  });
  it('any substring of a title finds its song, whatever its accents (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.nat(), fc.nat(), (title, a, b) => {
        const normal = normalizeText(title);
        const start = a % (normal.length + 1);
        const part = normal.slice(start, start + (b % 6)).trim();
        fc.pre(part.length > 0);
        return matchesQuery(song(title, 'artist'), part);
      }),
    );
  });
});
