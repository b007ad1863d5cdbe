import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RawResponse,
  startTestApi,
  type TestApi,
  type Transport,
} from '../../helpers/api-server.ts';
import { makeWav } from '../../helpers/wav-fixture.ts';
import { sendJson } from './auth-client.ts';
import { expectSecurityHeaders } from './expect-headers.ts';

const STYLE = ':root { --td-bg: #fff; }';
const WAV = Buffer.from(makeWav({ seconds: 2, title: 'Header Song' }));

let clientDir: string;
beforeAll(async () => {
  clientDir = await mkdtemp(join(tmpdir(), 'tapedeck-csp-'));
  await mkdir(join(clientDir, 'assets'));
  await writeFile(
    join(clientDir, 'index.html'),
    `<!doctype html><style>${STYLE}</style><title>T</title>`,
  );
  await writeFile(join(clientDir, 'assets', 'app-1.js'), 'console.log(1)');
});
afterAll(() => rm(clientDir, { recursive: true, force: true }));

describe.each<Transport>(['node', 'fetch'])(
  'security headers over the %s transport',
  (transport) => {
    let api: TestApi;
    let song: string;
    beforeAll(async () => {
      api = await startTestApi({ 'H/a.wav': WAV }, 'fs', transport, { clientDir });
      song = api.catalog.entries()[0]!.song.streamUrl;
      await api.raw(song, { range: 'bytes=0-1' }); // the session is now verified in memory: fast path
    });
    afterAll(() => api.close());

    it('are on every kind of response', async () => {
      const etag = api.catalog.entries()[0]!.song.etag;
      const cases: [string, () => Promise<RawResponse>, number][] = [
        ['JSON 200', () => api.raw('/api/songs'), 200],
        ['health, anonymous', () => api.raw('/api/health', { cookie: '' }), 200],
        ['401', () => api.raw('/api/songs', { cookie: '' }), 401],
        ['404', () => api.raw('/api/nope'), 404],
        [
          '405',
          () => api.raw('/api/health', { 'content-type': 'application/json' }, 'DELETE'),
          405,
        ],
        ['403 not JSON', () => api.raw('/api/auth/logout', {}, 'POST', '{}'), 403],
        [
          '403 cross-origin',
          () =>
            sendJson(api, 'POST', '/api/auth/logout', {}, api.cookie, {
              origin: 'https://evil.example',
            }),
          403,
        ],
        [
          '400 bad JSON',
          () => api.raw('/api/auth/login', { 'content-type': 'application/json' }, 'POST', '{'),
          400,
        ],
        ['cover', () => api.raw(api.catalog.entries()[0]!.song.coverUrl!), 200],
        ['index.html', () => api.raw('/', { accept: 'text/html' }), 200],
        ['navigation fallback', () => api.raw('/albums/x', { accept: 'text/html' }), 200],
        ['static asset', () => api.raw('/assets/app-1.js'), 200],
        ['stream 200', () => api.raw(song), 200],
        ['stream 206', () => api.raw(song, { range: 'bytes=10-20' }), 206],
        ['stream HEAD', () => api.raw(song, {}, 'HEAD'), 200],
        ['stream 304', () => api.raw(song, { 'if-none-match': etag }), 304],
        ['stream 412', () => api.raw(song, { 'if-match': '"nope"' }), 412],
        ['stream 416', () => api.raw(song, { range: `bytes=${WAV.length + 10}-` }), 416],
        ['stream 401', () => api.raw(song, { cookie: '' }), 401],
        ['stream 404', () => api.raw('/songs/listen/AAAAAAAAAAAAAAAA'), 404],
        ['malformed URL', () => api.raw('/api/songs/%E0%A4%A'), 400],
      ];
      for (const [what, send, status] of cases) {
        const response = await send();
        expect(response.status, what).toBe(status);
        expectSecurityHeaders(response.headers, what);
      }
    });

    it("allows index.html's inline style by its hash, and no inline script", async () => {
      const response = await api.raw('/', { accept: 'text/html' });
      const hash = createHash('sha256').update(STYLE).digest('base64');
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toMatch(new RegExp(`style-src 'self' 'sha256-${hash.replace(/[+/]/g, '\\$&')}'`));
      expect(csp).not.toContain("'unsafe-eval'");
    });

    it('lets no shared cache keep library data (public becomes private on the API)', async () => {
      const cover = await api.raw(api.catalog.entries()[0]!.song.coverUrl!);
      expect(cover.headers['cache-control']).toMatch(/private/);
      expect(cover.headers['cache-control']).not.toMatch(/public/);
    });
  },
);
