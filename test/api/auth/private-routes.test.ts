import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi, type Transport } from '../../helpers/api-server.ts';
import { makeWav } from '../../helpers/wav-fixture.ts';
import { addUser, createClock, DAY, json, login, sendJson } from './auth-client.ts';

const TITLE = 'Secret Song Title';
const WAV = makeWav({ seconds: 2, title: TITLE, artist: 'Hidden Artist', album: 'Private' });
/** Routes a stranger may call (DESIGN.md, "Accounts and access"). */
const PUBLIC = [
  'GET /api/health',
  'HEAD /api/health',
  'POST /api/auth/login',
  'POST /api/auth/setup',
];

describe.each<Transport>(['node', 'fetch'])('private routes over the %s transport', (transport) => {
  const clock = createClock();
  let api: TestApi;
  let songId: string;
  let userId: string;
  /** Every registered route but the public ones, with its parameters filled in. */
  let routes: { method: string; path: string }[];

  beforeAll(async () => {
    api = await startTestApi({ 'Hidden/a.wav': WAV }, 'fs', transport, { now: clock.now });
    songId = api.catalog.entries()[0]!.song.id;
    userId = await addUser(api, 'listener', 'listener password');
    routes = api.app['~routes']
      .filter((route) => route.method && route.route && !route.route.includes('**'))
      .map((route) => ({
        method: route.method!,
        path: route
          .route!.replace(':id', route.route!.startsWith('/api/users') ? userId : songId)
          .replace(/:[a-z]+/gi, 'x'),
      }))
      .filter(({ method, path }) => !PUBLIC.includes(`${method} ${path}`));
  });
  afterAll(() => api.close());

  it('finds the routes to check (the app registers them all through the route table)', () => {
    const names = routes.map(({ method, path }) => `${method} ${path}`);
    for (const expected of [
      `GET /api/songs`,
      `GET /api/songs/${songId}/cover`,
      `GET /songs/listen/${songId}`,
      `HEAD /songs/listen/${songId}`,
      `POST /api/songs/${songId}/link`,
      `GET /api/users`,
      `DELETE /api/users/${userId}`,
      'GET /api/auth/offline-key',
      'POST /api/auth/logout',
    ]) {
      expect(names).toContain(expected);
    }
  });

  const cases: [string, () => Record<string, string>, string][] = [
    ['no cookie', () => ({}), 'signed-out'],
    [
      'a forged session',
      () => ({ cookie: `tapedeck_session=${'A'.repeat(43)}` }),
      'session-expired',
    ],
    ['a malformed session', () => ({ cookie: 'tapedeck_session=../../etc' }), 'session-expired'],
    [
      'a session cookie under the secure name',
      () => ({ cookie: `__Host-tapedeck_session=${'B'.repeat(43)}` }),
      'session-expired',
    ],
  ];
  it.each(cases)(
    'answers every private route with a JSON 401 for %s, and no library data',
    async (_, headers, reason) => {
      for (const { method, path } of routes) {
        const response = await sendJson(api, method, path, {}, '', headers());
        const what = `${method} ${path}`;
        expect(response.status, `${what} ${response.body}`).toBe(401);
        expect(response.headers['content-type'], what).toMatch(/^application\/json/);
        if (method !== 'HEAD')
          expect(json(response), what).toMatchObject({ error: expect.any(String), reason });
        expect(response.body.includes(Buffer.from(TITLE)), what).toBe(false);
        expect(response.body.includes(Buffer.from('RIFF')), what).toBe(false);
      }
    },
  );

  it('answers unknown API and stream paths with 401 too (no route map for strangers)', async () => {
    for (const path of [
      '/api/nope',
      '/api',
      '/songs/listen/',
      `/songs/listen/${songId}/x`,
      '/songs/listen',
    ]) {
      expect((await api.raw(path, { cookie: '' })).status, path).toBe(401);
    }
  });

  it('refuses a session that has been idle longer than SESSION_DAYS, and says it expired', async () => {
    const cookie = await login(api, 'listener', 'listener password');
    expect((await api.raw('/api/songs', { cookie })).status).toBe(200);
    clock.advance(29 * DAY);
    expect((await api.raw(`/songs/listen/${songId}`, { cookie })).status).toBe(200);
    clock.advance(29 * DAY); // 58 days after sign-in, 29 after the last use: still alive
    expect((await api.raw('/api/songs', { cookie })).status).toBe(200);
    clock.advance(30 * DAY + 1000);
    for (const path of ['/api/songs', `/songs/listen/${songId}`]) {
      const response = await api.raw(path, { cookie });
      expect(response.status, path).toBe(401);
      expect(json(response)).toMatchObject({ reason: 'session-expired' });
      // The stale cookie is cleared.
      expect(String(response.headers['set-cookie'])).toMatch(/tapedeck_session=; Max-Age=0/);
    }
  });

  it('answers health to strangers with { ok: true } only', async () => {
    const anonymous = await api.raw('/api/health', { cookie: '' });
    expect(anonymous.status).toBe(200);
    expect(json(anonymous)).toEqual({ ok: true });
    const cookie = await login(api, 'listener', 'listener password');
    expect(json(await api.raw('/api/health', { cookie }))).toMatchObject({ ok: true, songs: 1 });
  });
});
