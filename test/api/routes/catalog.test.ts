import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SongPage } from '../../../api/catalog/song.ts';
import { startTestApi, type TestApi } from '../../helpers/api-server.ts';
import { makeWav } from '../../helpers/wav-fixture.ts';

let api: TestApi;
const getJson = async (path: string) => {
  const res = await api.fetch(path);
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
};

beforeAll(async () => {
  api = await startTestApi({
    'Zoë Keys/Été/01 - Café au lait.wav': makeWav({
      seconds: 1,
      title: 'Café au lait',
      artist: 'Zoë Keys',
      album: 'Été',
      seed: 1,
    }),
    'Zoë Keys/Été/02 - Matin.wav': makeWav({
      seconds: 1,
      title: 'Matin',
      artist: 'Zoë Keys',
      album: 'Été',
      seed: 2,
    }),
    'Arlo/Rain/01 - Drizzle.wav': makeWav({
      seconds: 1,
      title: 'Drizzle',
      artist: 'Arlo',
      album: 'Rain',
      seed: 3,
    }),
  });
});
afterAll(() => api.close());

describe('GET /api/songs', () => {
  it('lists every song in artist, album, track order', async () => {
    const { status, body } = await getJson('/api/songs');
    expect(status).toBe(200);
    const page = body as SongPage;
    expect(page).toMatchObject({ total: 3, offset: 0 });
    expect(page.items.map((s) => s.title)).toEqual(['Drizzle', 'Café au lait', 'Matin']);
    expect(page.items[0]).toMatchObject({
      streamUrl: expect.stringMatching(new RegExp(`^/songs/listen/${page.items[0]!.id}\\?v=\\w+`)),
      coverUrl: expect.stringMatching(
        new RegExp(`^/api/songs/${page.items[0]!.id}/cover\\?v=\\w+`),
      ),
    });
  });

  it('searches title, artist and album without regard to case or accents', async () => {
    const titles = async (q: string) =>
      ((await getJson(`/api/songs?q=${encodeURIComponent(q)}`)).body as SongPage).items.map(
        (s) => s.title,
      );
    expect(await titles('CAFE')).toEqual(['Café au lait']);
    expect(await titles('zoe')).toEqual(['Café au lait', 'Matin']);
    expect(await titles('ete matin')).toEqual(['Matin']);
    expect(await titles('nothing like this')).toEqual([]);
  });

  it('pages with limit and offset', async () => {
    const { body } = await getJson('/api/songs?limit=1&offset=1');
    expect(body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect((body as SongPage).items.map((s) => s.title)).toEqual(['Café au lait']);
  });

  it.each([
    'limit=0',
    'limit=-1',
    'limit=abc',
    'limit=100000',
    'offset=-5',
    'offset=1.5',
    'limit=1&limit=2',
    `q=${'x'.repeat(500)}`,
  ])('answers the bad query %s with 400 and a JSON error', async (query) => {
    const { status, type, body } = await getJson(`/api/songs?${query}`);
    expect(status).toBe(400);
    expect(type).toContain('application/json');
    expect(body.error).toEqual(expect.any(String));
  });

  it('never reveals a storage key, file name or path', async () => {
    const text = JSON.stringify((await getJson('/api/songs')).body);
    expect(text).not.toMatch(/\.wav|Zoë Keys:|\/tmp|tapedeck-api/);
  });
});

describe('GET /api/songs/:id and its cover', () => {
  it('returns one song, 404 for an unknown id and 400 for a malformed one', async () => {
    const first = ((await getJson('/api/songs')).body as SongPage).items[0]!;
    expect((await getJson(`/api/songs/${first.id}`)).body).toEqual(first);
    expect((await getJson('/api/songs/AAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await getJson('/api/songs/..%2f..')).status).toBe(400);
  });

  it('serves a generated placeholder cover with caching headers and revalidation', async () => {
    const first = ((await getJson('/api/songs')).body as SongPage).items[0]!;
    const res = await api.fetch(first.coverUrl!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('cache-control')).toContain('immutable');
    const unversioned = await api.fetch(`/api/songs/${first.id}/cover`);
    expect(unversioned.headers.get('cache-control')).not.toContain('immutable');
    expect(new TextDecoder().decode((await res.arrayBuffer()).slice(8, 12))).toBe('WEBP');
    const again = await api.fetch(first.coverUrl!, {
      headers: { 'if-none-match': res.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });
});

describe('GET /api/health and unknown API paths', () => {
  it('reports ok with the song count', async () => {
    expect((await getJson('/api/health')).body).toMatchObject({ ok: true, songs: 3 });
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const { status, body } = await getJson('/api/nope');
    expect(status).toBe(404);
    expect(body.error).toEqual(expect.any(String));
  });
});
