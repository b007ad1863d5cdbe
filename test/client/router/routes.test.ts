import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route, sectionOf } from '../../../client/router/routes.ts';

describe('parseRoute', () => {
  it.each([
    ['/', { name: 'home' }],
    ['', { name: 'home' }],
    ['/songs', { name: 'songs' }],
    ['/songs/', { name: 'songs' }],
    ['/search', { name: 'search' }],
    ['/albums', { name: 'albums' }],
    ['/albums/al%201', { name: 'album', id: 'al 1' }],
    ['/artists/ar1', { name: 'artist', id: 'ar1' }],
    ['/genres', { name: 'genres' }],
    ['/genres/Drum%20%26%20Bass', { name: 'genre', genre: 'Drum & Bass' }],
    ['/playlists', { name: 'playlists' }],
    ['/playlists/p1', { name: 'playlist', id: 'p1' }],
    ['/favourites', { name: 'favourites' }],
  ] as const)('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it.each([
    '/nope',
    '/songs/listen',
    '/songs/x',
    '/favourites/x',
    '/albums/a/b',
    '/albums/%E0%A4%A',
    '/albums/%20',
    `/albums/${'a'.repeat(600)}`,
    '/__proto__',
    '/constructor/x',
  ])('%s is not a page', (path) => {
    expect(parseRoute(path)).toEqual({ name: 'not-found' });
  });
});

describe('formatRoute', () => {
  it('round-trips every route, whatever its id or genre holds', () => {
    const text = fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== '');
    const route: fc.Arbitrary<Route> = fc.oneof(
      fc.constantFrom<Route>(
        { name: 'home' },
        { name: 'songs' },
        { name: 'search' },
        { name: 'albums' },
        { name: 'artists' },
        { name: 'genres' },
        { name: 'playlists' },
        { name: 'favourites' },
      ),
      text.map((id): Route => ({ name: 'album', id })),
      text.map((id): Route => ({ name: 'artist', id })),
      text.map((genre): Route => ({ name: 'genre', genre })),
      text.map((id): Route => ({ name: 'playlist', id })),
    );
    fc.assert(
      fc.property(route, (r) => {
        expect(parseRoute(formatRoute(r))).toEqual(r);
      }),
    );
  });

  it('marks detail views under their list in the navigation', () => {
    expect(sectionOf({ name: 'album', id: 'x' })).toBe('albums');
    expect(sectionOf({ name: 'genre', genre: 'x' })).toBe('genres');
    expect(sectionOf({ name: 'search' })).toBe('search');
  });
});
