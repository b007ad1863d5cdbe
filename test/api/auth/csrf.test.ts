import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startTestApi, type TestApi } from '../../helpers/api-server.ts';
import { TEST_ADMIN } from '../../helpers/test-auth.ts';
import { json, sendJson } from './auth-client.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({}, 'fs', 'node');
});
afterAll(() => api.close());

const login = JSON.stringify(TEST_ADMIN);

describe('state-changing requests must be JSON from our own origin', () => {
  it('accepts a same-origin JSON write', async () => {
    expect((await sendJson(api, 'POST', '/api/auth/login', TEST_ADMIN)).status).toBe(200);
    // No Origin at all (curl, a script): allowed, it cannot come from another site's page.
    const bare = await rawRequest(
      api.port,
      '/api/auth/login',
      { 'content-type': 'application/json' },
      'POST',
      login,
    );
    expect(bare.status).toBe(200);
  });

  it.each([
    ['https://evil.example', {}],
    ['null', {}],
    ['http://127.0.0.1.evil.example', {}],
    ['http://localhost:1', {}],
  ])('refuses Origin %s with 403, signed in or not', async (origin) => {
    for (const cookie of ['', api.cookie]) {
      const response = await sendJson(
        api,
        'POST',
        '/api/users',
        { username: 'x', password: 'xxxxxxxx' },
        cookie,
        { origin },
      );
      expect(response.status).toBe(403);
      expect(json(response)).toEqual({ error: expect.any(String) });
    }
    expect(
      (await sendJson(api, 'POST', '/api/auth/login', TEST_ADMIN, '', { origin })).status,
    ).toBe(403);
  });

  it('refuses a request the browser marks cross-site, even without Origin', async () => {
    const response = await rawRequest(
      api.port,
      '/api/auth/logout',
      { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site', cookie: api.cookie },
      'POST',
      '{}',
    );
    expect(response.status).toBe(403);
  });

  it.each([
    [undefined],
    ['text/plain'],
    ['application/x-www-form-urlencoded'],
    ['multipart/form-data; boundary=x'],
    ['application/jsonp'],
  ])('refuses Content-Type %s with 403 (what a cross-site form can send)', async (type) => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const headers: Record<string, string> = { cookie: api.cookie, origin: api.url };
      if (type) headers['content-type'] = type;
      const response = await rawRequest(api.port, '/api/auth/logout', headers, method, '{}');
      expect(response.status, method).toBe(403);
    }
    // The session survived: none of those writes ran.
    expect((await api.raw('/api/auth/me')).status).toBe(200);
  });

  it('accepts parameters on the JSON type', async () => {
    const response = await rawRequest(
      api.port,
      '/api/auth/login',
      { 'content-type': 'Application/JSON; charset=utf-8' },
      'POST',
      login,
    );
    expect(response.status).toBe(200);
  });
});

describe('bad bodies', () => {
  it.each([
    ['{', 400],
    ['', 400],
    ['[]', 400],
    ['null', 400],
    ['"admin"', 400],
    ['{"username": "admin", "password": 1}', 400],
  ])('answers the body %j with %i and a JSON error', async (body, expected) => {
    const response = await rawRequest(
      api.port,
      '/api/auth/login',
      { 'content-type': 'application/json' },
      'POST',
      body,
    );
    expect(response.status).toBe(expected);
    expect(json(response)).toHaveProperty('error');
  });

  it('answers bytes that are not UTF-8 with 400', async () => {
    const response = await rawRequest(
      api.port,
      '/api/auth/login',
      { 'content-type': 'application/json' },
      'POST',
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
    );
    expect(response.status).toBe(400);
  });

  it('answers a body over the limit with 413, declared or chunked', async () => {
    const big = JSON.stringify({ username: 'a'.repeat(2 * 1024 * 1024), password: 'x' });
    const declared = await rawRequest(
      api.port,
      '/api/auth/login',
      { 'content-type': 'application/json' },
      'POST',
      big,
    );
    expect(declared.status).toBe(413);
    const routeLimit = JSON.stringify({ username: 'a'.repeat(100_000), password: 'x' });
    const chunked = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: api.port,
            path: '/api/auth/login',
            method: 'POST',
            headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode!);
          },
        );
        req.on('error', reject);
        for (let i = 0; i < routeLimit.length; i += 1000) req.write(routeLimit.slice(i, i + 1000));
        req.end();
      });
    });
    expect(chunked).toBe(413);
  });
});
