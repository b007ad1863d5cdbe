import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Album, Artist, Page, Song } from '../../../api/catalog/song.ts';
import { startTestApi, type TestApi } from '../../helpers/api-server.ts';
import { makeMp3 } from '../../helpers/mp3-fixture.ts';

let api: TestApi;
let redCover: Uint8Array;
const get = async <T>(path: string) => {
  const res = await api.fetch(path);
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: (await res.json()) as T,
  };
};
const names = (page: { items: { name: string }[] }) => page.items.map((item) => item.name);
const titles = (page: { items: Song[] }) => page.items.map((song) => song.title);

beforeAll(async () => {
  redCover = new Uint8Array(
    await sharp({ create: { width: 300, height: 300, channels: 3, background: '#c33' } })
      .jpeg()
      .toBuffer(),
  );
  const picture = { mime: 'image/jpeg', bytes: redCover };
  const svg = {
    mime: 'image/svg+xml',
    bytes: new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ),
  };
  api = await startTestApi(
    {
      'a/1.mp3': makeMp3({
        title: 'Zulu',
        albumArtist: 'Alpha',
        artist: 'Alpha',
        album: 'First',
        year: '1990',
        track: '1',
        disc: '2',
        genres: ['Rock'],
        picture,
      }),
      'a/2.mp3': makeMp3({
        title: 'Yankee',
        albumArtist: 'Alpha',
        artist: 'Alpha',
        album: 'First',
        year: '1990',
        track: '2',
        disc: '1',
        genres: ['rock'],
        picture,
      }),
      'a/3.mp3': makeMp3({
        title: 'Xray',
        albumArtist: 'Alpha',
        artist: 'Alpha',
        album: 'Second',
        year: '2001',
        track: '1',
        genres: ['Jazz'],
      }),
      'b/1.mp3': makeMp3({
        title: 'Whiskey',
        albumArtist: 'Beta',
        artist: 'Beta',
        album: 'Bravo',
        year: '1995',
        track: '1',
        genres: ['Rock', 'Pop'],
        picture: svg,
      }),
      'b/2.mp3': makeMp3({
        title: 'Victor',
        albumArtist: 'Beta',
        artist: 'Beta',
        album: 'Bravo',
        year: '1995',
        track: '2',
        genres: ['Pop'],
      }),
      'c/1.mp3': makeMp3({
        title: 'Uniform',
        artist: 'Gamma',
        album: 'Mix',
        compilation: true,
        track: '1',
      }),
      'c/2.mp3': makeMp3({
        title: 'Tango',
        artist: 'Delta',
        album: 'Mix',
        compilation: true,
        track: '2',
      }),
    },
    'fs',
  );
});
afterAll(() => api.close());

const albumId = async (name: string) =>
  (await get<Page<Album>>(`/api/albums?q=${name}`)).body.items.find((a) => a.name === name)!.id;
const artistId = async (name: string) =>
  (await get<Page<Artist>>(`/api/artists?q=${name}`)).body.items.find((a) => a.name === name)!.id;

describe('GET /api/albums', () => {
  it('lists albums by name with their facts', async () => {
    const { status, body } = await get<Page<Album>>('/api/albums');
    expect(status).toBe(200);
    expect(names(body)).toEqual(['Bravo', 'First', 'Mix', 'Second']);
    expect(body).toMatchObject({ total: 4, limit: 100, offset: 0 });
    expect(body.items[1]).toMatchObject({
      name: 'First',
      artist: 'Alpha',
      year: 1990,
      genres: ['Rock'],
      songCount: 2,
      favourite: false,
      coverUrl: expect.stringMatching(/^\/api\/albums\/[\w-]{16}\/cover\?v=[\w-]+$/),
    });
    expect(body.items[2]).toMatchObject({ name: 'Mix', artist: 'Various Artists' });
  });

  it.each([
    ['year', ['First', 'Bravo', 'Second', 'Mix']],
    ['artist', ['First', 'Second', 'Bravo', 'Mix']],
    ['name', ['Bravo', 'First', 'Mix', 'Second']],
  ])('sorts by %s', async (sort, expected) => {
    expect(names((await get<Page<Album>>(`/api/albums?sort=${sort}`)).body)).toEqual(expected);
  });

  it('filters by artist, genre (any case) and words, and pages', async () => {
    const alpha = await artistId('Alpha');
    expect(names((await get<Page<Album>>(`/api/albums?artistId=${alpha}`)).body)).toEqual([
      'First',
      'Second',
    ]);
    expect(names((await get<Page<Album>>('/api/albums?genre=ROCK')).body)).toEqual([
      'Bravo',
      'First',
    ]);
    expect(names((await get<Page<Album>>('/api/albums?q=alpha%20sec')).body)).toEqual(['Second']);
    const page = (await get<Page<Album>>('/api/albums?limit=2&offset=2')).body;
    expect(page).toMatchObject({ total: 4, limit: 2, offset: 2 });
    expect(names(page)).toEqual(['Mix', 'Second']);
  });

  it('answers one album with its songs in disc and track order', async () => {
    const id = await albumId('First');
    const { body } = await get<Album & { songs: Song[] }>(`/api/albums/${id}`);
    expect(body).toMatchObject({ id, name: 'First', songCount: 2 });
    expect(body.songs.map((s) => [s.discNumber, s.trackNumber, s.title])).toEqual([
      [1, 2, 'Yankee'],
      [2, 1, 'Zulu'],
    ]);
  });
});

describe('GET /api/artists', () => {
  it('lists album artists by name with counts; one artist has its albums, oldest first', async () => {
    const { body } = await get<Page<Artist>>('/api/artists');
    expect(names(body)).toEqual(['Alpha', 'Beta', 'Various Artists']);
    expect(body.items[0]).toMatchObject({ albumCount: 2, songCount: 3, favourite: false });
    const one = (await get<Artist & { albums: Album[] }>(`/api/artists/${body.items[0]!.id}`)).body;
    expect(one.albums.map((a) => a.name)).toEqual(['First', 'Second']);
    expect(names((await get<Page<Artist>>('/api/artists?q=bet')).body)).toEqual(['Beta']);
  });
});

describe('GET /api/genres', () => {
  it('counts songs and albums per genre, merging spellings that differ in case', async () => {
    const { body } = await get<{
      items: { name: string; songCount: number; albumCount: number }[];
    }>('/api/genres');
    expect(body.items).toEqual([
      { name: 'Jazz', songCount: 1, albumCount: 1 },
      { name: 'Pop', songCount: 2, albumCount: 1 },
      { name: 'Rock', songCount: 3, albumCount: 2 },
    ]);
  });
});

describe('GET /api/songs filters and sorts', () => {
  it('orders by album artist, album, disc, track by default', async () => {
    expect(titles((await get<Page<Song>>('/api/songs')).body)).toEqual([
      'Yankee',
      'Zulu',
      'Xray',
      'Whiskey',
      'Victor',
      'Uniform',
      'Tango',
    ]);
  });

  it('filters by album, artist and genre, and sorts by title', async () => {
    const first = await albumId('First');
    const beta = await artistId('Beta');
    expect(titles((await get<Page<Song>>(`/api/songs?albumId=${first}&sort=title`)).body)).toEqual([
      'Yankee',
      'Zulu',
    ]);
    expect(titles((await get<Page<Song>>(`/api/songs?artistId=${beta}`)).body)).toEqual([
      'Whiskey',
      'Victor',
    ]);
    expect(titles((await get<Page<Song>>('/api/songs?genre=pop&sort=title')).body)).toEqual([
      'Victor',
      'Whiskey',
    ]);
    expect(titles((await get<Page<Song>>('/api/songs?genre=rock&q=zulu')).body)).toEqual(['Zulu']);
    expect((await get<Page<Song>>('/api/songs?albumId=AAAAAAAAAAAAAAAA')).body.total).toBe(0);
  });

  it('accepts the per-user filters and sorts, empty until a listener has favourites and plays', async () => {
    for (const query of ['favourite=true', 'sort=recently-played', 'sort=most-played']) {
      const { status, body } = await get<Page<Song>>(`/api/songs?${query}`);
      expect(status).toBe(200);
      expect(body.total).toBe(0);
    }
  });

  it('puts songs added by a later scan first with sort=added', async () => {
    await writeFile(
      join(api.musicDir, 'new.mp3'),
      makeMp3({ title: 'Newcomer', albumArtist: 'Beta', album: 'Bravo' }),
    );
    await api.rescan();
    const { body } = await get<Page<Song>>('/api/songs?sort=added&limit=1');
    expect(titles(body)).toEqual(['Newcomer']);
    const albums = (await get<Page<Album>>('/api/albums?sort=added&limit=1')).body;
    expect(names(albums)).toEqual(['Bravo']);
  });
});

describe('bad input', () => {
  it.each([
    '/api/albums?sort=newest',
    '/api/albums?sort=name&sort=year',
    '/api/albums?artistId=..%2F..%2Fetc',
    '/api/albums?limit=0',
    `/api/albums?q=${'x'.repeat(201)}`,
    '/api/artists?sort=title',
    '/api/artists?offset=-1',
    '/api/songs?sort=played',
    '/api/songs?albumId=short',
    '/api/songs?genre=a&genre=b',
    '/api/songs?favourite=yes',
    '/api/albums/not-an-id',
    '/api/artists/%00%00',
    '/api/songs/AAAAAAAAAAAAAAAA/cover?size=100',
  ])('%s → 400 JSON', async (path) => {
    const { status, type, body } = await get<{ error: string }>(path);
    expect(status).toBe(400);
    expect(type).toContain('application/json');
    expect(body.error).toEqual(expect.any(String));
  });

  it.each([
    '/api/albums/AAAAAAAAAAAAAAAA',
    '/api/artists/AAAAAAAAAAAAAAAA',
    '/api/albums/AAAAAAAAAAAAAAAA/cover',
  ])('%s → 404 JSON', async (path) => {
    const { status, body } = await get<{ error: string }>(path);
    expect(status).toBe(404);
    expect(body.error).toEqual(expect.any(String));
  });
});

describe('covers', () => {
  const fetchCover = async (url: string, headers: Record<string, string> = {}) => {
    const res = await api.fetch(url, { headers });
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  it('serves the picture, and each size resized once, as raster images with immutable caching', async () => {
    const song = (await get<Page<Song>>('/api/songs?q=zulu')).body.items[0]!;
    const full = await fetchCover(song.coverUrl!);
    expect(full.res.headers.get('content-type')).toBe('image/jpeg');
    expect(full.bytes).toEqual(redCover);
    expect(full.res.headers.get('cache-control')).toContain('immutable');
    for (const size of [64, 128, 256, 512]) {
      const { res, bytes } = await fetchCover(`${song.coverUrl}&size=${size}`);
      expect(res.headers.get('content-type')).toBe('image/webp');
      const meta = await sharp(bytes).metadata();
      expect([meta.width, meta.height]).toEqual([size, size]);
      const again = await fetchCover(`${song.coverUrl}&size=${size}`, {
        'if-none-match': res.headers.get('etag')!,
      });
      expect(again.res.status).toBe(304);
    }
  });

  it('gives albums and artists the cover of their songs', async () => {
    const album = (await get<Page<Album>>('/api/albums?q=first')).body.items[0]!;
    const artist = (await get<Page<Artist>>('/api/artists?q=alpha')).body.items[0]!;
    for (const url of [album.coverUrl, artist.coverUrl]) {
      const { res, bytes } = await fetchCover(url);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(bytes).toEqual(redCover);
    }
  });

  it('never serves an SVG picture: the song gets the raster placeholder', async () => {
    const song = (await get<Page<Song>>('/api/songs?q=whiskey')).body.items[0]!;
    const { res, bytes } = await fetchCover(`${song.coverUrl}&size=64`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new TextDecoder().decode(bytes)).not.toContain('<svg');
    expect((await sharp(bytes).metadata()).width).toBe(64);
    const head = await api.fetch(song.coverUrl!, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('image/webp');
  });
});
