import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createStorage } from 'unstorage';
import memoryDriver from 'unstorage/drivers/memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.ts';
import { createCatalog } from '../../../api/catalog/catalog.ts';
import { createFsAudioStore } from '../../../api/storage/fs-audio-store.ts';
import { memoryCovers } from '../../helpers/memory-covers.ts';
import { createTestAuth, signInApp } from '../../helpers/test-auth.ts';

let dir: string;
let app: ReturnType<typeof createApp>;
const script = `console.log(${JSON.stringify('tapedeck '.repeat(400))});\n`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapedeck-client-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Tapedeck</title>');
  await writeFile(join(dir, 'assets', 'index-abc123.js'), script);
  await writeFile(join(dir, 'manifest.webmanifest'), '{"name":"Tapedeck"}');
  await writeFile(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  const catalog = createCatalog(createStorage({ driver: memoryDriver() }));
  const { auth, state } = await createTestAuth();
  app = createApp({
    catalog,
    audio: createFsAudioStore(dir),
    covers: memoryCovers(),
    auth,
    state,
    clientDir: dir,
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

describe('the built client', () => {
  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('sends %s-compressed text assets with an exact length', async (encoding, decode) => {
    const res = await get('/assets/index-abc123.js', { 'accept-encoding': encoding });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe(encoding);
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    const body = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
    expect(body.length).toBeLessThan(script.length / 4);
    expect(decode(body).toString()).toBe(script);
  });

  it('sends the plain file to a client that accepts no encoding', async () => {
    const res = await get('/assets/index-abc123.js');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe(script);
  });

  it('caches hashed assets for good and revalidates the shell, worker and manifest', async () => {
    expect((await get('/assets/index-abc123.js')).headers.get('cache-control')).toContain(
      'immutable',
    );
    for (const path of ['/', '/sw.js', '/manifest.webmanifest']) {
      expect((await get(path)).headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('types the web manifest for browsers', async () => {
    const res = await get('/manifest.webmanifest');
    expect(res.headers.get('content-type')).toContain('application/manifest+json');
  });

  it('answers unknown navigations with index.html and unknown files with a JSON 404', async () => {
    const page = await get('/library/some/deep/link', { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Tapedeck</title>');
    const missing = await get('/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toHaveProperty('error');
    // API space is private: a stranger learns nothing there, a signed-in user gets the 404.
    const anonymous = await get('/api/nothing-here', { accept: 'text/html' });
    expect(anonymous.status).toBe(401);
    const api = await get('/api/nothing-here', {
      accept: 'text/html',
      cookie: await signInApp(app),
    });
    expect(api.status).toBe(404);
  });

  it('answers every client view URL with index.html, so reloads and deep links work', async () => {
    for (const path of [
      '/',
      '/songs',
      '/songs?sort=title',
      '/search?q=neon',
      '/albums',
      '/albums/abc123',
      '/artists/abc123',
      '/genres',
      '/genres/Drum%20%26%20Bass',
      '/playlists/p1',
      '/favourites',
    ]) {
      const page = await get(path, { accept: 'text/html' });
      expect(page.status, path).toBe(200);
      expect(await page.text(), path).toContain('<title>Tapedeck</title>');
    }
    for (const path of ['/songs/listen/nope', '/songs/listen/a/b']) {
      const stream = await get(path, { accept: 'text/html' });
      expect(stream.status, path).toBeGreaterThanOrEqual(400);
      expect(stream.headers.get('content-type'), path).toContain('application/json');
    }
  });

  it('never serves files outside the client folder', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(await res.text()).not.toContain('"name": "tapedeck"');
    }
  });
});
