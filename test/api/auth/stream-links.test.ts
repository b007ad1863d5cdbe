import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  rawRequest,
  startTestApi,
  type TestApi,
  type Transport,
} from '../../helpers/api-server.ts';
import { makeWav } from '../../helpers/wav-fixture.ts';
import { addUser, createClock, json, login, sendJson } from './auth-client.ts';

const A = Buffer.from(makeWav({ seconds: 30, title: 'Link Song A', seed: 1 }));
const B = Buffer.from(makeWav({ seconds: 3, title: 'Link Song B', seed: 2 }));

describe.each<Transport>(['node', 'fetch'])('stream links over the %s transport', (transport) => {
  const clock = createClock();
  let api: TestApi;
  let a: string;
  let b: string;
  let listener: string;
  let listenerId: string;

  beforeAll(async () => {
    api = await startTestApi({ 'L/a.wav': A, 'L/b.wav': B }, 'fs', transport, {
      now: clock.now,
    });
    const byTitle = (title: string) =>
      api.catalog.entries().find((e) => e.song.title === title)!.song.id;
    a = byTitle('Link Song A');
    b = byTitle('Link Song B');
    listenerId = await addUser(api, 'lena', 'lena password');
    listener = await login(api, 'lena', 'lena password');
  });
  afterAll(() => api.close());

  const makeLink = async (id: string, cookie = listener) => {
    const response = await sendJson(api, 'POST', `/api/songs/${id}/link`, {}, cookie);
    expect(response.status).toBe(200);
    return json(response) as { url: string; expiresAt: string };
  };
  /** Without any cookie, as mpv would. */
  const play = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
    rawRequest(api.port, url, headers, method);

  it('gives a URL for one song that expires after LINK_TTL (1 h)', async () => {
    const link = await makeLink(a);
    expect(link.url).toMatch(
      new RegExp(`^/songs/listen/${a}\\?(.+&)?token=[0-9a-z]+\\.[\\w-]+\\.\\d+\\.[\\w-]{43}$`),
    );
    const ttl = Date.parse(link.expiresAt) - clock.now();
    expect(ttl).toBeGreaterThan(3590_000);
    expect(ttl).toBeLessThanOrEqual(3600_000);
  });

  it('streams the song byte-exact without a cookie: whole, ranges, HEAD, repeatedly', async () => {
    const { url } = await makeLink(a);
    const whole = await play(url);
    expect(whole.status).toBe(200);
    expect(whole.body.equals(A)).toBe(true);
    for (const [range, start, end] of [
      ['bytes=0-1', 0, 1],
      ['bytes=4096-70000', 4096, 70_000],
      ['bytes=-128', A.length - 128, A.length - 1],
      [`bytes=${A.length - 10}-`, A.length - 10, A.length - 1],
    ] as const) {
      for (let i = 0; i < 3; i++) {
        const part = await play(url, { range });
        expect(part.status, range).toBe(206);
        expect(part.headers['content-range']).toBe(`bytes ${start}-${end}/${A.length}`);
        expect(part.body.equals(A.subarray(start, end + 1)), range).toBe(true);
      }
    }
    // Other players (a cast receiver is a page elsewhere) may embed a link's answer; the app's
    // own cookie-borne answers stay same-origin.
    expect((await play(url, { range: 'bytes=0-1' })).headers['cross-origin-resource-policy']).toBe(
      'cross-origin',
    );
    const own = await api.raw(`/songs/listen/${a}`, { range: 'bytes=0-1' });
    expect(own.headers['cross-origin-resource-policy']).toBe('same-origin');
    const head = await play(url, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(A.length));
  });

  it('refuses a link for another song, and does not open the API', async () => {
    const { url } = await makeLink(a);
    const token = new URL(url, api.url).searchParams.get('token')!;
    const other = await play(`/songs/listen/${b}?token=${token}`);
    expect(other.status).toBe(401);
    expect(other.body.includes(Buffer.from('RIFF'))).toBe(false);
    for (const path of ['/api/songs', `/api/songs/${a}`, `/api/songs/${a}/cover`]) {
      expect((await play(`${path}?token=${token}`)).status, path).toBe(401);
    }
  });

  it('refuses every changed token with 401, even with a valid cookie beside it', async () => {
    const { url } = await makeLink(a);
    const token = new URL(url, api.url).searchParams.get('token')!;
    const [expiry, user, generation, mac] = token.split('.') as [string, string, string, string];
    const flip = (s: string, i: number) =>
      s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    const changed = [
      [(Number.parseInt(expiry, 36) + 3600).toString(36), user, generation, mac],
      [`0${expiry}`, user, generation, mac],
      [expiry, listenerId === user ? 'AAAAAAAAAAAAAAAA' : user, generation, mac],
      [expiry, user, String(Number(generation) + 1), mac],
      [expiry, user, `0${generation}`, mac],
      [expiry, user, generation, flip(mac, 0)],
      [expiry, user, generation, flip(mac, 42)],
      [expiry, user, generation, mac.slice(0, -1)],
      [expiry, user, generation],
    ].map((parts) => parts.join('.'));
    changed.push('', 'x', `${token}x`, token.toUpperCase());
    for (const bad of changed) {
      for (const headers of [{}, { cookie: listener }] as Record<string, string>[]) {
        const response = await play(`/songs/listen/${a}?token=${encodeURIComponent(bad)}`, headers);
        expect(response.status, bad).toBe(401);
        expect(json(response)).toEqual({ error: expect.any(String) });
      }
    }
    expect((await play(url)).status).toBe(200); // the untouched one still works
  });

  it('refuses a link once it has expired', async () => {
    const { url } = await makeLink(b);
    expect((await play(url, { range: 'bytes=0-1' })).status).toBe(206);
    clock.advance(3601_000);
    expect((await play(url, { range: 'bytes=0-1' })).status).toBe(401);
    listener = await login(api, 'lena', 'lena password');
  });

  it('is revoked when its user changes password', async () => {
    const { url } = await makeLink(a);
    expect((await play(url, { range: 'bytes=0-1' })).status).toBe(206);
    const change = await sendJson(
      api,
      'POST',
      '/api/auth/password',
      { current: 'lena password', next: 'lena password 2' },
      listener,
    );
    expect(change.status).toBe(204);
    // A new link first: the server now holds the user's new record in memory, where the fast
    // path reads it, so the old link meets the generation check there too.
    expect((await play((await makeLink(a)).url, { range: 'bytes=0-1' })).status).toBe(206);
    expect((await play(url, { range: 'bytes=0-1' })).status).toBe(401);
  });

  it('is revoked when its user is disabled, and when deleted', async () => {
    const id = await addUser(api, 'mo', 'mo password');
    const cookie = await login(api, 'mo', 'mo password');
    const { url } = await makeLink(a, cookie);
    expect((await play(url, { range: 'bytes=0-1' })).status).toBe(206);
    await sendJson(api, 'PATCH', `/api/users/${id}`, { disabled: true }, api.cookie);
    expect((await play(url, { range: 'bytes=0-1' })).status).toBe(401);
    await sendJson(api, 'PATCH', `/api/users/${id}`, { disabled: false }, api.cookie);
    const again = (await makeLink(a, await login(api, 'mo', 'mo password'))).url;
    expect((await play(again, { range: 'bytes=0-1' })).status).toBe(206);
    await sendJson(api, 'DELETE', `/api/users/${id}`, {}, api.cookie);
    expect((await play(again, { range: 'bytes=0-1' })).status).toBe(401);
  });

  it('needs a session to be made, and a real song', async () => {
    expect((await sendJson(api, 'POST', `/api/songs/${a}/link`, {})).status).toBe(401);
    expect(
      (await sendJson(api, 'POST', '/api/songs/AAAAAAAAAAAAAAAA/link', {}, api.cookie)).status,
    ).toBe(404);
    expect((await sendJson(api, 'POST', '/api/songs/bad/link', {}, api.cookie)).status).toBe(400);
  });
});
