import { createStorage } from 'unstorage';
import memoryDriver from 'unstorage/drivers/memory';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.ts';
import { createCatalog } from '../../../api/catalog/catalog.ts';
import { createFsAudioStore } from '../../../api/storage/fs-audio-store.ts';
import { memoryCovers } from '../../helpers/memory-covers.ts';
import { createTestAuth, signInApp } from '../../helpers/test-auth.ts';

const app = createApp({
  catalog: createCatalog(createStorage({ driver: memoryDriver() })),
  audio: createFsAudioStore('/nonexistent-tapedeck-music'),
  covers: memoryCovers(),
  ...(await createTestAuth()),
});
const cookie = await signInApp(app);
// Writes are JSON (the CSRF rule answers 403 before routing otherwise).
const send = (method: string, path: string) =>
  app.fetch(
    new Request(`http://127.0.0.1${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json' },
    }),
  );

describe('the route table', () => {
  it.each(['/api/health', '/api/songs?limit=1'])('answers HEAD like GET on %s', async (path) => {
    const [get, head] = [await send('GET', path), await send('HEAD', path)];
    expect(get.status).toBe(200);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
  });

  it.each([
    ['POST', '/api/health'],
    ['DELETE', '/api/songs'],
    ['PUT', '/songs/listen/AAAAAAAAAAAAAAAA'],
    ['PATCH', '/api/songs/AAAAAAAAAAAAAAAA/cover'],
  ])('answers %s %s with a JSON 405 that lists the allowed methods', async (method, path) => {
    const response = await send(method, path);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(await response.json()).toEqual({ error: expect.any(String) });
  });

  it('still answers 404 for paths it does not know', async () => {
    const response = await send('GET', '/api/nope');
    expect(response.status).toBe(404);
  });
});
