import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../helpers/api-server.ts';
import { addUser, json, login, sendJson } from './auth-client.ts';

let api: TestApi;
let listener: string;
let listenerId: string;
beforeAll(async () => {
  api = await startTestApi({}, 'fs', 'node');
  listenerId = await addUser(api, 'lee', 'lee password');
  listener = await login(api, 'lee', 'lee password');
});
afterAll(() => api.close());

const admin = (method: string, path: string, body?: unknown) =>
  sendJson(api, method, path, body ?? {}, api.cookie);

describe('admin and listener rights', () => {
  it('lets a listener do none of the user management', async () => {
    for (const [method, path] of [
      ['GET', '/api/users'],
      ['POST', '/api/users'],
      ['PATCH', `/api/users/${listenerId}`],
      ['DELETE', `/api/users/${listenerId}`],
    ] as const) {
      const response = await sendJson(api, method, path, { admin: true }, listener);
      expect(response.status, `${method} ${path}`).toBe(403);
    }
    const me = json(await api.raw('/api/auth/me', { cookie: listener }));
    expect(me).toMatchObject({ user: { username: 'lee', admin: false } });
  });

  it('lists users without any secret', async () => {
    const response = await api.raw('/api/users');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { items } = json(response) as { items: Record<string, unknown>[] };
    expect(items.map((u) => u.username)).toEqual(['admin', 'lee']);
    for (const user of items) {
      expect(Object.keys(user).sort()).toEqual([
        'admin',
        'createdAt',
        'disabled',
        'id',
        'username',
      ]);
    }
    expect(response.body.toString()).not.toMatch(/scrypt|password|generation/i);
  });

  it('adds a user (201 User), refuses a taken name in any case, and bad fields', async () => {
    const created = await admin('POST', '/api/users', {
      username: 'Nina',
      password: 'nina password',
      admin: false,
    });
    expect(created.status).toBe(201);
    expect(json(created)).toEqual({
      id: expect.any(String),
      username: 'Nina',
      admin: false,
      disabled: false,
      createdAt: expect.any(String),
    });
    expect(
      (await admin('POST', '/api/users', { username: ' nina ', password: 'another one' })).status,
    ).toBe(409);
    for (const body of [
      { username: 'x', password: 'short' },
      { username: '', password: 'long enough' },
      { username: 'a'.repeat(65), password: 'long enough' },
      { username: 'new\nline', password: 'long enough' },
      { username: 'x', password: 'long enough', admin: 'yes' },
      { username: 'x', password: 'long enough', role: 'root' },
      { username: 'x', password: 'long enough', disabled: true },
      { password: 'long enough' },
    ]) {
      const response = await admin('POST', '/api/users', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(json(response)).toHaveProperty('error');
    }
  });

  it('changes name, role and password; a new admin can manage users', async () => {
    const id = await addUser(api, 'olga', 'olga password');
    const changed = await admin('PATCH', `/api/users/${id}`, {
      username: 'Olga B',
      admin: true,
      password: 'olga password 2',
    });
    expect(changed.status).toBe(200);
    expect(json(changed)).toMatchObject({ id, username: 'Olga B', admin: true });
    await expect(login(api, 'olga', 'olga password 2')).rejects.toThrow(/401/);
    const olga = await login(api, 'olga b', 'olga password 2');
    expect((await sendJson(api, 'GET', '/api/users', undefined, olga)).status).toBe(200);
    // Demoted: the change reaches her running session.
    await admin('PATCH', `/api/users/${id}`, { admin: false });
    expect((await sendJson(api, 'GET', '/api/users', undefined, olga)).status).toBe(403);
    expect((await admin('PATCH', `/api/users/${id}`, { username: 'lee' })).status).toBe(409);
    expect((await admin('PATCH', '/api/users/AAAAAAAAAAAAAAAA', { admin: true })).status).toBe(404);
    expect((await admin('PATCH', '/api/users/..%2f..', { admin: true })).status).toBe(404);
  });

  it('deletes a user (204); 404 for an unknown one', async () => {
    const id = await addUser(api, 'pat', 'pat password');
    expect((await admin('DELETE', `/api/users/${id}`)).status).toBe(204);
    expect((await admin('DELETE', `/api/users/${id}`)).status).toBe(404);
    await expect(login(api, 'pat', 'pat password')).rejects.toThrow(/401/);
  });

  it('never leaves the server without an enabled admin', async () => {
    const { items } = json(await api.raw('/api/users')) as {
      items: { id: string; username: string; admin: boolean }[];
    };
    const self = items.find((u) => u.username === 'admin')!;
    for (const [method, body] of [
      ['DELETE', {}],
      ['PATCH', { admin: false }],
      ['PATCH', { disabled: true }],
    ] as const) {
      const response = await admin(method, `/api/users/${self.id}`, body);
      expect(response.status, `${method} ${JSON.stringify(body)}`).toBe(409);
    }
    expect((await api.raw('/api/auth/me')).status).toBe(200);
  });

  it('answers its own offline key: random, stable, private, replaced with the password, gone with the user', async () => {
    const id = await addUser(api, 'quinn', 'quinn password');
    const cookie = await login(api, 'quinn', 'quinn password');
    const first = await api.raw('/api/auth/offline-key', { cookie });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    const key = json(first) as { userId: string; key: string; createdAt: string };
    expect(key).toEqual({
      userId: id,
      key: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      createdAt: expect.any(String),
    });
    expect(Buffer.from(key.key, 'base64url')).toHaveLength(32);
    expect(json(await api.raw('/api/auth/offline-key', { cookie })).key).toBe(key.key);
    expect(json(await api.raw('/api/auth/offline-key')).key).not.toBe(key.key); // the admin's own
    await sendJson(
      api,
      'POST',
      '/api/auth/password',
      { current: 'quinn password', next: 'quinn password 2' },
      cookie,
    );
    const rotated = json(await api.raw('/api/auth/offline-key', { cookie })).key;
    expect(rotated).not.toBe(key.key);
    await admin('DELETE', `/api/users/${id}`);
    expect(await api.state.storage.getItem(`offline-keys:${id}`)).toBeNull();
    expect((await api.raw('/api/auth/offline-key', { cookie: '' })).status).toBe(401);
  });
});
