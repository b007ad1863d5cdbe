import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Song } from '../../../api/catalog/song.ts';
import { rawRequest, songsOf, startTestApi, type TestApi } from '../../helpers/api-server.ts';
import { makeWav } from '../../helpers/wav-fixture.ts';

/** The check nginx's auth_request makes before it answers a stream request from its cache. */
describe('GET /api/auth/check-stream', () => {
  let api: TestApi;
  let song: Song;
  const check = (originalUri: string | null) =>
    rawRequest(
      api.port,
      '/api/auth/check-stream',
      originalUri === null ? {} : { 'x-original-uri': originalUri },
    );

  beforeAll(async () => {
    api = await startTestApi({ 'A/a.wav': makeWav({ seconds: 1, title: 'A' }) });
    song = songsOf(api.catalog)[0]!;
  });
  afterAll(() => api.close());

  it('lets the cache keep the song only under its current version', async () => {
    const current = await check(song.streamUrl);
    expect(current.status).toBe(204);
    expect(current.headers['x-tapedeck-cacheable']).toBe('yes');
    expect(current.headers['cache-control']).toBe('no-store');
    const bare = song.streamUrl.replace(/\?.*$/, '');
    for (const uri of [bare, `${bare}?v=old`, `${bare}?v=`, `${song.streamUrl}x`]) {
      const answer = await check(uri);
      expect(answer.status, uri).toBe(204);
      expect(answer.headers['x-tapedeck-cacheable'], uri).toBe('no');
    }
  });

  it.each([
    null,
    '',
    '/api/songs',
    '/songs/listen/',
    '/songs/listen/../../etc/passwd',
    `/songs/listen/${'a'.repeat(5000)}`,
    '/songs/listen/%00%00',
  ])('refuses a stream URL it cannot read: %s', async (uri) => {
    const answer = await check(uri);
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body.toString())).toEqual({ error: 'sign in to listen' });
  });
});
