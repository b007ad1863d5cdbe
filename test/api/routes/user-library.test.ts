import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Album, Artist, Page, Song } from '../../../api/catalog/song.ts';
import { startTestApi, type TestApi } from '../../helpers/api-server.ts';
import { makeMp3 } from '../../helpers/mp3-fixture.ts';
import { addListener } from '../../helpers/test-auth.ts';

/**
 * The per-user routes over real HTTP, signed in as two listeners: favourites, playlists, plays and
 * the play queue, the `favourite` flag and the per-user filter and sorts of the browse routes, each
 * user seeing only their own, and bad input answered with a JSON 4xx.
 */
let api: TestApi;
let lou: string;
let max: string;
let songs: Song[];
const song = (title: string) => songs.find((s) => s.title === title)!;

type Answer<T> = { status: number; body: T; headers: Headers };
async function call<T = unknown>(
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
  type = 'application/json',
): Promise<Answer<T>> {
  const response = await api.fetch(path, {
    method,
    headers: { cookie, 'content-type': type },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : null) as T,
    headers: response.headers,
  };
}
const get = <T>(cookie: string, path: string) => call<T>(cookie, 'GET', path);

beforeAll(async () => {
  const mp3 = (title: string, album: string, artist: string, track: string) =>
    makeMp3({ title, album, artist, albumArtist: artist, track });
  api = await startTestApi({
    'a/1.mp3': mp3('One', 'First', 'Alpha', '1'),
    'a/2.mp3': mp3('Two', 'First', 'Alpha', '2'),
    'b/1.mp3': mp3('Three', 'Second', 'Bravo', '1'),
    'b/2.mp3': mp3('Four', 'Second', 'Bravo', '2'),
  });
  lou = await addListener(api, 'lou');
  max = await addListener(api, 'max');
  songs = (await get<Page<Song>>(lou, '/api/songs')).body.items;
  expect(songs).toHaveLength(4);
});
afterAll(() => api.close());

describe('favourites', () => {
  it('hearts songs, albums and artists, lists them newest first and flags them everywhere', async () => {
    const album = (await get<Page<Album>>(lou, '/api/albums?q=Second')).body.items[0]!;
    const artist = (await get<Page<Artist>>(lou, '/api/artists?q=Alpha')).body.items[0]!;
    for (const path of [
      `/api/favourites/songs/${song('Two').id}`,
      `/api/favourites/songs/${song('Three').id}`,
      `/api/favourites/albums/${album.id}`,
      `/api/favourites/artists/${artist.id}`,
    ]) {
      expect((await call(lou, 'PUT', path)).status, path).toBe(204);
    }
    // Twice is still once.
    expect((await call(lou, 'PUT', `/api/favourites/songs/${song('Two').id}`)).status).toBe(204);
    const { body } = await get<{ songs: Song[]; albums: Album[]; artists: Artist[] }>(
      lou,
      '/api/favourites',
    );
    expect(body.songs.map((s) => s.title)).toEqual(['Three', 'Two']);
    expect(body.albums.map((a) => a.name)).toEqual(['Second']);
    expect(body.artists.map((a) => a.name)).toEqual(['Alpha']);
    expect(body.songs.every((s) => s.favourite === true)).toBe(true);

    const favourites = (await get<Page<Song>>(lou, '/api/songs?favourite=true&sort=title')).body;
    expect(favourites.items.map((s) => s.title)).toEqual(['Three', 'Two']);
    expect((await get<Song>(lou, `/api/songs/${song('Two').id}`)).body.favourite).toBe(true);
    expect((await get<Album>(lou, `/api/albums/${album.id}`)).body.favourite).toBe(true);
    expect((await get<Artist>(lou, `/api/artists/${artist.id}`)).body.favourite).toBe(true);
    // The lists the grids' hearts show it from: the hearted one flagged, the others not.
    const flags = async (path: string) =>
      Object.fromEntries(
        (await get<Page<Album | Artist>>(lou, path)).body.items.map((x) => [x.name, x.favourite]),
      );
    expect(await flags('/api/albums')).toMatchObject({ Second: true });
    expect(Object.values(await flags('/api/albums')).filter(Boolean)).toHaveLength(1);
    expect(await flags('/api/artists')).toMatchObject({ Alpha: true });
    expect(Object.values(await flags('/api/artists')).filter(Boolean)).toHaveLength(1);

    expect((await call(lou, 'DELETE', `/api/favourites/songs/${song('Two').id}`)).status).toBe(204);
    const after = (await get<Page<Song>>(lou, '/api/songs?favourite=true')).body;
    expect(after.items.map((s) => s.title)).toEqual(['Three']);
  });

  it('answers the newest `limit` of each kind, 100 unless asked', async () => {
    const one = await get<{ songs: Song[]; albums: Album[] }>(lou, '/api/favourites?limit=1');
    expect(one.body.songs.map((s) => s.title)).toEqual(['Three']);
    expect(one.body.albums).toHaveLength(1);
    for (const limit of ['0', '501', 'x'])
      expect((await get(lou, `/api/favourites?limit=${limit}`)).status, limit).toBe(400);
  });

  it.each([
    ['PUT', '/api/favourites/songs/AAAAAAAAAAAAAAAA', 404],
    ['PUT', '/api/favourites/albums/AAAAAAAAAAAAAAAA', 404],
    ['PUT', '/api/favourites/playlists/AAAAAAAAAAAAAAAA', 400],
    ['PUT', '/api/favourites/songs/..%2F..%2Fetc', 400],
    ['PUT', `/api/favourites/songs/${'a'.repeat(65)}`, 400],
    ['DELETE', '/api/favourites/__proto__/x', 400],
  ])('%s %s → %i JSON', async (method, path, status) => {
    const answer = await call<{ error: string }>(lou, method, path);
    expect(answer.status).toBe(status);
    expect(answer.body.error).toEqual(expect.any(String));
  });
});

describe('playlists', () => {
  it('keeps the order and repeats as sent, renames, reorders and deletes', async () => {
    const ids = [song('Four').id, song('One').id, song('Four').id];
    const made = await call<{ id: string; songIds: string[]; songs: Song[] }>(
      lou,
      'POST',
      '/api/playlists',
      { name: '  Road trip ', songIds: ids },
    );
    expect(made.status).toBe(201);
    expect(made.headers.get('location')).toBe(`/api/playlists/${made.body.id}`);
    expect(made.body).toMatchObject({ name: 'Road trip', songIds: ids });
    expect(made.body.songs.map((s) => s.title)).toEqual(['Four', 'One']);

    const list = await get<{ items: { id: string; songCount: number; duration: number }[] }>(
      lou,
      '/api/playlists',
    );
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: made.body.id, name: 'Road trip', songCount: 3 }),
    ]);
    const reordered = [song('One').id, song('Four').id, song('Four').id, song('Two').id];
    const patched = await call<{ name: string; songIds: string[] }>(
      lou,
      'PATCH',
      `/api/playlists/${made.body.id}`,
      { name: 'Night drive', songIds: reordered },
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Night drive', songIds: reordered });
    const again = await get<{ songIds: string[] }>(lou, `/api/playlists/${made.body.id}`);
    expect(again.body.songIds).toEqual(reordered);

    expect((await call(lou, 'DELETE', `/api/playlists/${made.body.id}`)).status).toBe(204);
    expect((await get(lou, `/api/playlists/${made.body.id}`)).status).toBe(404);
  });

  it.each([
    [{ name: '' }, 'empty name'],
    [{ name: 'x'.repeat(201) }, 'name too long'],
    [{ name: 'a\u0000b' }, 'control characters'],
    [{ name: 42 }, 'name not a string'],
    [{ name: 'ok', songIds: ['AAAAAAAAAAAAAAAA'] }, 'unknown song'],
    [{ name: 'ok', songIds: 'nope' }, 'songIds not an array'],
    [{ name: 'ok', songsIds: [] }, 'unknown field'],
  ] as [Record<string, unknown>, string][])('refuses %j (%s) with a 400', async (body) => {
    const answer = await call<{ error: string }>(lou, 'POST', '/api/playlists', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual(expect.any(String));
  });

  it('refuses bodies that are not JSON objects, of another type, or too large', async () => {
    expect((await call(lou, 'POST', '/api/playlists', '{"name":')).status).toBe(400);
    expect((await call(lou, 'POST', '/api/playlists', '[1]')).status).toBe(400);
    expect((await call(lou, 'POST', '/api/playlists', '{"name":"x"}', 'text/plain')).status).toBe(
      403,
    );
    const huge = JSON.stringify({ name: 'x', songIds: Array(60_000).fill(song('One').id) });
    expect((await call(lou, 'POST', '/api/playlists', huge)).status).toBe(413);
    expect((await get(lou, '/api/playlists/..%2Fsecret')).status).toBe(400);
  });
});

describe('plays', () => {
  it('counts plays at the listener’s time, newest first, and sorts songs by them', async () => {
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const plays: [string, number][] = [
      ['One', 30],
      ['Three', 20],
      ['One', 10],
      ['Four', 40], // made offline earlier, arriving last: it counts in its own place
    ];
    for (const [title, ago] of plays) {
      const answer = await call(lou, 'POST', '/api/plays', {
        songId: song(title).id,
        playedAt: at(ago),
      });
      expect(answer.status).toBe(201);
    }
    const recent = await get<{ items: { song: Song }[] }>(lou, '/api/plays?limit=3');
    expect(recent.body.items.map((p) => p.song.title)).toEqual(['One', 'Three', 'One']);
    const byRecent = await get<Page<Song>>(lou, '/api/songs?sort=recently-played');
    expect(byRecent.body.items.slice(0, 3).map((s) => s.title)).toEqual(['One', 'Three', 'Four']);
    const byCount = await get<Page<Song>>(lou, '/api/songs?sort=most-played');
    expect(byCount.body.items[0]!.title).toBe('One');
  });

  it.each([
    [{ songId: 'AAAAAAAAAAAAAAAA', playedAt: new Date().toISOString() }, 'unknown song'],
    [{ playedAt: new Date().toISOString() }, 'no song'],
    [{ songId: 'SONG', playedAt: new Date(Date.now() + 3600_000).toISOString() }, 'future'],
    [{ songId: 'SONG', playedAt: '2026-13-45T99:00:00Z' }, 'not a time'],
    [{ songId: 'SONG', playedAt: 1_700_000_000_000 }, 'a number'],
    [{ songId: 'SONG', playedAt: '1970-01-01T00:00:00Z' }, 'too long ago'],
  ] as [Record<string, unknown>, string][])('refuses %j (%s) with a 400', async (body) => {
    const sent = { ...body, songId: body.songId === 'SONG' ? song('One').id : body.songId };
    const answer = await call<{ error: string }>(lou, 'POST', '/api/plays', sent);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual(expect.any(String));
  });

  it.each(['0', '501', 'x', '-1', '1e3'])('GET /api/plays?limit=%s → 400', async (limit) => {
    expect((await get(lou, `/api/plays?limit=${limit}`)).status).toBe(400);
  });
});

describe('the play queue', () => {
  it('is empty at first, then what was saved last', async () => {
    expect((await get(max, '/api/queue')).body).toEqual({
      songIds: [],
      index: 0,
      position: 0,
      updatedAt: null,
    });
    const queue = { songIds: [song('Two').id, song('One').id], index: 1, position: 42.5 };
    expect((await call(max, 'PUT', '/api/queue', queue)).status).toBe(204);
    const { body } = await get<{ updatedAt: string }>(max, '/api/queue');
    expect(body).toMatchObject(queue);
    expect(Date.parse(body.updatedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it.each([
    [{ songIds: [], index: 1, position: 0 }, 'index out of range'],
    [{ songIds: ['AAAAAAAAAAAAAAAA'], index: 0, position: 0 }, 'unknown song'],
    [{ songIds: [], index: 0, position: -1 }, 'negative position'],
    [{ songIds: [], index: 0.5, position: 0 }, 'fractional index'],
  ])('refuses %j (%s) with a 400', async (body) => {
    expect((await call(max, 'PUT', '/api/queue', body)).status).toBe(400);
  });
});

describe('per-user isolation', () => {
  it('shows a second listener none of the first one’s favourites, playlists, plays or queue', async () => {
    const mine = await call<{ id: string }>(lou, 'POST', '/api/playlists', {
      name: 'Lou only',
      songIds: [song('One').id],
    });
    await call(lou, 'PUT', `/api/favourites/songs/${song('One').id}`);
    await call(lou, 'PUT', '/api/queue', { songIds: [song('One').id], index: 0, position: 1 });

    expect((await get(max, '/api/favourites')).body).toEqual({
      songs: [],
      albums: [],
      artists: [],
    });
    expect((await get<{ items: unknown[] }>(max, '/api/playlists')).body.items).toEqual([]);
    expect((await get<{ items: unknown[] }>(max, '/api/plays')).body.items).toEqual([]);
    // Max's own queue (saved above), not the one Lou just saved.
    expect((await get(max, '/api/queue')).body).toMatchObject({
      songIds: [song('Two').id, song('One').id],
      position: 42.5,
    });
    expect((await get<Page<Song>>(max, '/api/songs?favourite=true')).body.items).toEqual([]);
    expect((await get<Song>(max, `/api/songs/${song('One').id}`)).body.favourite).toBe(false);
    // Another user's playlist does not exist, whatever is asked of it.
    const path = `/api/playlists/${mine.body.id}`;
    expect((await get(max, path)).status).toBe(404);
    expect((await call(max, 'PATCH', path, { name: 'Mine now' })).status).toBe(404);
    expect((await call(max, 'DELETE', path)).status).toBe(404);
    expect((await get<{ name: string }>(lou, path)).body.name).toBe('Lou only');
  });

  it('answers every per-user route with 401 when not signed in', async () => {
    for (const [method, path] of [
      ['GET', '/api/favourites'],
      ['PUT', `/api/favourites/songs/${song('One').id}`],
      ['GET', '/api/playlists'],
      ['POST', '/api/playlists'],
      ['GET', '/api/plays'],
      ['POST', '/api/plays'],
      ['GET', '/api/queue'],
      ['PUT', '/api/queue'],
    ] as const) {
      const answer = await call(
        'tapedeck_session=nope',
        method,
        path,
        method === 'GET' ? undefined : {},
      );
      expect(answer.status, `${method} ${path}`).toBe(401);
    }
  });
});
