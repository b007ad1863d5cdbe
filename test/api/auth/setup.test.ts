import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest, startTestApi, type TestApi } from '../../helpers/api-server.ts';
import { startServerProcess } from '../../helpers/server-process.ts';
import { waitUntil } from '../../helpers/wait-until.ts';
import { json, login, sendJson } from './auth-client.ts';

let api: TestApi;
afterEach(() => api?.close());

const FIRST = { username: 'founder', password: 'founder password' };
const setup = (body: unknown, headers: Record<string, string> = {}) =>
  sendJson(api, 'POST', '/api/auth/setup', body, '', headers);

describe('the first account', () => {
  it('is announced by /api/auth/me while no account exists, then made from this machine', async () => {
    api = await startTestApi({}, 'fs', 'node', { noAdmin: true });
    const me = await api.raw('/api/auth/me');
    expect(me.status).toBe(401);
    expect(json(me)).toEqual({
      error: expect.any(String),
      reason: 'signed-out',
      setupRequired: true,
      setupTokenRequired: false,
    });
    const made = await setup(FIRST);
    expect(made.status).toBe(201);
    expect(json(made)).toEqual({
      user: { id: expect.any(String), username: 'founder', admin: true },
    });
    const cookie = String(made.headers['set-cookie']).split(';')[0]!;
    expect((await api.raw('/api/songs', { cookie })).status).toBe(200);
    // Refused once an account exists, from anywhere.
    expect((await setup({ username: 'second', password: 'second password' })).status).toBe(409);
    expect(json(await api.raw('/api/auth/me', { cookie: '' }))).toEqual({
      error: expect.any(String),
      reason: 'signed-out',
    });
  });

  it('makes exactly one first account out of a race', async () => {
    api = await startTestApi({}, 'fs', 'node', { noAdmin: true });
    const statuses = await Promise.all(
      ['a1', 'a2', 'a3', 'a4'].map(
        async (name) => (await setup({ username: name, password: 'race password' })).status,
      ),
    );
    expect(statuses.sort()).toEqual([201, 409, 409, 409]);
    expect(await api.auth.accounts.list()).toHaveLength(1);
  });

  it.each([
    ['an untrusted proxy in between', { 'x-forwarded-for': '203.0.113.5' }],
    ['a Forwarded header', { forwarded: 'for=203.0.113.5' }],
    ['a public Host name', { host: 'music.example.org', origin: 'http://music.example.org' }],
  ])('refuses a request from another machine without the setup token (%s)', async (_, headers) => {
    api = await startTestApi({}, 'fs', 'node', { noAdmin: true });
    const me = await api.raw('/api/auth/me', headers);
    expect(json(me)).toMatchObject({ setupRequired: true, setupTokenRequired: true });
    const refused = await setup(FIRST, headers);
    expect(refused.status).toBe(403);
    expect(json(refused).error).toMatch(/token/);
    expect((await setup({ ...FIRST, token: 'guessed-token' }, headers)).status).toBe(403);
    const token = await api.auth.firstAccount.issueToken();
    expect((await setup({ ...FIRST, token }, headers)).status).toBe(201);
    await login(api, FIRST.username, FIRST.password);
  });

  it('counts a client behind a trusted proxy by its own address', async () => {
    api = await startTestApi({}, 'fs', 'node', {
      noAdmin: true,
      authEnv: { TRUST_PROXY: '127.0.0.0/8' },
    });
    expect((await setup(FIRST, { 'x-forwarded-for': '203.0.113.5' })).status).toBe(403);
    expect((await setup(FIRST, { 'x-forwarded-for': '127.0.0.1' })).status).toBe(201);
  });

  it('is printed as a one-time setup link by a server started without ADMIN_USERNAME', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'tapedeck-setup-'));
    const server = await startServerProcess(
      {
        MUSIC_DIR: join(process.cwd(), 'data/music'),
        CACHE_DIR: dir,
        ADMIN_USERNAME: '',
        ADMIN_PASSWORD: '',
      },
      { signIn: false },
    );
    try {
      await waitUntil(() => /#setup=/.test(server.output()), 'the setup link in the log');
      const token = /#setup=([\w-]+)/.exec(server.output())?.[1];
      const remote = { 'x-forwarded-for': '203.0.113.5', 'content-type': 'application/json' };
      const refused = await rawRequest(
        server.port,
        '/api/auth/setup',
        remote,
        'POST',
        JSON.stringify(FIRST),
      );
      expect(refused.status).toBe(403);
      const made = await rawRequest(
        server.port,
        '/api/auth/setup',
        remote,
        'POST',
        JSON.stringify({ ...FIRST, token }),
      );
      expect(made.status).toBe(201);
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
