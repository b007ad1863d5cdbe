import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../helpers/api-server.ts';
import { TEST_ADMIN } from '../../helpers/test-auth.ts';
import { makeWav } from '../../helpers/wav-fixture.ts';
import { addUser, json, login, sendJson } from './auth-client.ts';

let api: TestApi;
let songPath: string;
beforeAll(async () => {
  api = await startTestApi({ 'A/a.wav': makeWav({ seconds: 1, title: 'A' }) }, 'fs', 'node');
  songPath = api.catalog.entries()[0]!.song.streamUrl;
});
afterAll(() => api.close());

const status = async (path: string, cookie: string) => (await api.raw(path, { cookie })).status;

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax, Path=/ session cookie holding 256 random bits', async () => {
    const response = await sendJson(api, 'POST', '/api/auth/login', TEST_ADMIN);
    expect(response.status).toBe(200);
    expect(json(response)).toEqual({
      user: { id: expect.any(String), username: 'admin', admin: true },
    });
    expect(response.headers['cache-control']).toBe('no-store');
    const [cookie] = response.headers['set-cookie']!;
    const [pair, ...attributes] = cookie!.split('; ');
    expect(pair).toMatch(/^tapedeck_session=[A-Za-z0-9_-]{43}$/);
    expect(attributes).toEqual(
      expect.arrayContaining([
        'HttpOnly',
        'SameSite=Lax',
        'Path=/',
        expect.stringMatching(/^Max-Age=\d+$/),
      ]),
    );
    expect(attributes).not.toContain('Secure'); // plain HTTP on loopback
    expect(attributes.some((a) => a.startsWith('Domain'))).toBe(false);
  });

  it('keeps only a hash of the token in the state store', async () => {
    const cookie = await login(api, TEST_ADMIN.username, TEST_ADMIN.password);
    const token = cookie.split('=')[1]!;
    const keys = await api.state.storage.getKeys('sessions');
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).not.toContain(token);
      expect(JSON.stringify(await api.state.storage.getItem(key))).not.toContain(token);
    }
  });

  it('answers /api/auth/me with the user, or 401 with why not', async () => {
    const cookie = await login(api, TEST_ADMIN.username, TEST_ADMIN.password);
    const me = await api.raw('/api/auth/me', { cookie });
    expect(me.status).toBe(200);
    expect(json(me)).toEqual({ user: { id: expect.any(String), username: 'admin', admin: true } });
    const anonymous = await api.raw('/api/auth/me', { cookie: '' });
    expect(anonymous.status).toBe(401);
    expect(json(anonymous)).toEqual({ error: expect.any(String), reason: 'signed-out' });
  });

  it('ends the session a browser already had when it signs in again', async () => {
    const first = await login(api, TEST_ADMIN.username, TEST_ADMIN.password);
    const again = await sendJson(api, 'POST', '/api/auth/login', TEST_ADMIN, first);
    expect(again.status).toBe(200);
    expect((await api.raw('/api/songs', { cookie: first })).status).toBe(401);
    const second = String(again.headers['set-cookie']).split(';')[0]!;
    expect((await api.raw('/api/songs', { cookie: second })).status).toBe(200);
  });

  it.each([
    [{ username: 'admin' }],
    [{ password: 'x' }],
    [{ username: 42, password: 'correct horse battery staple' }],
    [{ username: '', password: '' }],
  ])('answers a malformed sign-in %o with 400', async (body) => {
    const response = await sendJson(api, 'POST', '/api/auth/login', body);
    expect(response.status).toBe(400);
    expect(json(response)).toHaveProperty('error');
  });
});

describe('ending sessions', () => {
  it('logout revokes the session on the server, not just the cookie', async () => {
    const cookie = await login(api, TEST_ADMIN.username, TEST_ADMIN.password);
    expect(await status(songPath, cookie)).toBe(200); // now cached for the fast path too
    const out = await sendJson(api, 'POST', '/api/auth/logout', {}, cookie);
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/tapedeck_session=; Max-Age=0/);
    for (const path of ['/api/songs', songPath, '/api/auth/me']) {
      const replay = await api.raw(path, { cookie });
      expect(replay.status, path).toBe(401);
      expect(json(replay).reason).toBe('session-expired');
    }
  });

  it('a password change ends the other sessions, keeps this one, and takes the new password', async () => {
    await addUser(api, 'carol', 'carol password 1');
    const here = await login(api, 'carol', 'carol password 1');
    const elsewhere = await login(api, 'carol', 'carol password 1');
    expect(await status(songPath, elsewhere)).toBe(200);
    const wrong = await sendJson(
      api,
      'POST',
      '/api/auth/password',
      { current: 'nope nope', next: 'carol password 2' },
      here,
    );
    expect(wrong.status).toBe(403);
    const change = await sendJson(
      api,
      'POST',
      '/api/auth/password',
      { current: 'carol password 1', next: 'carol password 2' },
      here,
    );
    expect(change.status).toBe(204);
    expect(await status('/api/songs', here)).toBe(200);
    expect(await status(songPath, here)).toBe(200);
    for (const path of ['/api/songs', songPath]) {
      const response = await api.raw(path, { cookie: elsewhere });
      expect(response.status, path).toBe(401);
      expect(json(response).reason).toBe('session-expired');
    }
    await expect(login(api, 'carol', 'carol password 1')).rejects.toThrow(/401/);
    await login(api, 'carol', 'carol password 2');
  });

  it.each([
    ['deleted', (id: string) => sendJson(api, 'DELETE', `/api/users/${id}`, {}, api.cookie)],
    [
      'disabled',
      (id: string) => sendJson(api, 'PATCH', `/api/users/${id}`, { disabled: true }, api.cookie),
    ],
  ])(
    'a %s account gets 401 reason "account-removed" on every route, stream included',
    async (name, act) => {
      const id = await addUser(api, `gone-${name}`, 'gone password');
      const cookie = await login(api, `gone-${name}`, 'gone password');
      expect(await status(songPath, cookie)).toBe(200); // cached for the fast path
      expect((await act(id)).status).toBeLessThan(300);
      for (const path of ['/api/songs', songPath, '/api/auth/me']) {
        const response = await api.raw(path, { cookie });
        expect(response.status, path).toBe(401);
        expect(json(response).reason, path).toBe('account-removed');
      }
      await expect(login(api, `gone-${name}`, 'gone password')).rejects.toThrow(
        name === 'deleted' ? /401/ : /403/,
      );
    },
  );

  it('a re-enabled account signs in again; its old sessions stay ended', async () => {
    const id = await addUser(api, 'dave', 'dave password');
    const old = await login(api, 'dave', 'dave password');
    await sendJson(api, 'PATCH', `/api/users/${id}`, { disabled: true }, api.cookie);
    await sendJson(api, 'PATCH', `/api/users/${id}`, { disabled: false }, api.cookie);
    expect(await status('/api/songs', old)).toBe(401);
    const fresh = await login(api, 'dave', 'dave password');
    expect(await status('/api/songs', fresh)).toBe(200);
  });
});
