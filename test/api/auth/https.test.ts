import { request } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RawResponse,
  rawRequest,
  startTestApi,
  type TestApi,
} from '../../helpers/api-server.ts';
import { makeSelfSignedCertificate } from '../../helpers/self-signed.ts';
import { startServerProcess } from '../../helpers/server-process.ts';
import { TEST_ADMIN } from '../../helpers/test-auth.ts';
import { makeWav } from '../../helpers/wav-fixture.ts';
import { expectSecurityHeaders } from './expect-headers.ts';

const WAV = Buffer.from(makeWav({ seconds: 2, title: 'TLS Song' }));
const tls = makeSelfSignedCertificate();
afterAll(() => tls.cleanup());

/** A request over HTTPS that trusts only the test certificate. */
function httpsRequest(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method, headers, ca: tls.cert, servername: 'localhost' },
      (res) => {
        const pieces: Buffer[] = [];
        res.on('data', (piece: Buffer) => pieces.push(piece));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(pieces) }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('built-in TLS (TLS_CERT, TLS_KEY)', () => {
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi({ 'T/a.wav': WAV }, 'fs', 'node', { tls });
    const login = await httpsRequest(
      api.port,
      '/api/auth/login',
      { 'content-type': 'application/json' },
      'POST',
      JSON.stringify(TEST_ADMIN),
    );
    expect(login.status).toBe(200);
    const setCookie = login.headers['set-cookie']![0]!;
    expect(setCookie).toMatch(/^__Host-tapedeck_session=[\w-]{43}; /);
    expect(setCookie.split('; ')).toEqual(
      expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']),
    );
    expectSecurityHeaders(login.headers, 'login over TLS', true);
    cookie = setCookie.split(';')[0]!;
  });
  afterAll(() => api.close());

  it('serves the API and both stream transports over HTTPS with HSTS', async () => {
    const song = api.catalog.entries()[0]!.song.streamUrl;
    const songs = await httpsRequest(api.port, '/api/songs', { cookie });
    expect(songs.status).toBe(200);
    expectSecurityHeaders(songs.headers, 'API over TLS', true);
    for (let i = 0; i < 2; i++) {
      // First through h3 (the session is not in memory yet), then the Node fast path.
      const part = await httpsRequest(api.port, song, { cookie, range: 'bytes=100-199' });
      expect(part.status).toBe(206);
      expect(part.body.equals(WAV.subarray(100, 200))).toBe(true);
      expectSecurityHeaders(part.headers, `stream over TLS #${i + 1}`, true);
    }
  });

  it('speaks no plain HTTP on the TLS port', async () => {
    await expect(rawRequest(api.port, '/api/health')).rejects.toThrow();
  });
});

describe('PUBLIC_URL', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ 'T/a.wav': WAV }, 'fs', 'node', {
      authEnv: { PUBLIC_URL: 'https://music.example.org' },
    });
  });
  afterAll(() => api.close());

  const asPublic = { host: 'music.example.org', origin: 'https://music.example.org' };

  it('answers only for its host, on every route, the stream fast path included', async () => {
    const song = api.catalog.entries()[0]!.song.streamUrl;
    const login = await rawRequest(
      api.port,
      '/api/auth/login',
      { ...asPublic, 'content-type': 'application/json' },
      'POST',
      JSON.stringify(TEST_ADMIN),
    );
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    expect(
      (await rawRequest(api.port, song, { ...asPublic, cookie, range: 'bytes=0-1' })).status,
    ).toBe(206);
    for (const host of [
      '127.0.0.1',
      'evil.example',
      `127.0.0.1:${api.port}`,
      'music.example.org.evil.example',
    ]) {
      for (const path of ['/api/health', '/api/songs', song, '/']) {
        const response = await rawRequest(api.port, path, { host, cookie, range: 'bytes=0-1' });
        expect(response.status, `${host} ${path}`).toBe(421);
        expect(response.body.includes(Buffer.from('RIFF'))).toBe(false);
      }
    }
  });

  it('makes cookies Secure and __Host-, sends HSTS, and takes its origin for the CSRF check', async () => {
    const login = await rawRequest(
      api.port,
      '/api/auth/login',
      { ...asPublic, 'content-type': 'application/json' },
      'POST',
      JSON.stringify(TEST_ADMIN),
    );
    expect(String(login.headers['set-cookie'])).toMatch(
      /^__Host-tapedeck_session=[\w-]{43};.*; Secure/,
    );
    expectSecurityHeaders(login.headers, 'behind PUBLIC_URL https', true);
    const local = {
      ...asPublic,
      origin: `http://127.0.0.1:${api.port}`,
      'content-type': 'application/json',
    };
    expect(
      (await rawRequest(api.port, '/api/auth/login', local, 'POST', JSON.stringify(TEST_ADMIN)))
        .status,
    ).toBe(403);
  });
});

describe('the server process with TLS_CERT and TLS_KEY', () => {
  it('starts on https and says so; an unreadable file stops it with one line', async () => {
    const env = {
      MUSIC_DIR: join(process.cwd(), 'data/music'),
      CACHE_DIR: join(tls.dir, 'cache'),
      TLS_CERT: join(tls.dir, 'cert.pem'),
      TLS_KEY: join(tls.dir, 'key.pem'),
    };
    const { spawnSync } = await import('node:child_process');
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
      env: { ...process.env, ...env, TLS_KEY: '/nonexistent/key.pem', PORT: '0', WATCH: '0' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringContaining('TLS_KEY')]);
    const server = await startServerProcess(env, { signIn: false });
    try {
      expect(server.output()).toMatch(/playing on https:\/\/127\.0\.0\.1:\d+/);
      const health = await httpsRequest(server.port, '/api/health');
      expect(health.status).toBe(200);
      expectSecurityHeaders(health.headers, 'health from the HTTPS process', true);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
