import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Song } from '../../../api/catalog/song.ts';
import { rawRequest, songsOf, startTestApi, type TestApi } from '../../helpers/api-server.ts';
import { makeWav } from '../../helpers/wav-fixture.ts';
import { addUser, json, login, sendJson } from '../auth/auth-client.ts';

/**
 * The check nginx's auth_request makes before it answers a stream request from its cache: judged
 * as the stream request in X-Original-URI, with the session cookie or the link's token.
 */
describe('GET /api/auth/check-stream', () => {
  let api: TestApi;
  let song: Song;
  let other: Song;
  const check = (originalUri: string | null, cookie = '') =>
    rawRequest(api.port, '/api/auth/check-stream', {
      ...(originalUri === null ? {} : { 'x-original-uri': originalUri }),
      ...(cookie ? { cookie } : {}),
    });
  const linkOf = async (target: Song) => {
    const res = await sendJson(api, 'POST', `/api/songs/${target.id}/link`, {}, api.cookie);
    expect(res.status).toBe(200);
    return json(res).url as string;
  };

  beforeAll(async () => {
    api = await startTestApi({
      'A/a.wav': makeWav({ seconds: 1, title: 'A' }),
      'B/b.wav': makeWav({ seconds: 1, title: 'B', seed: 2 }),
    });
    [song, other] = songsOf(api.catalog) as [Song, Song];
  });
  afterAll(() => api.close());

  it('lets the cache keep the song only under its current version', async () => {
    const current = await check(song.streamUrl, api.cookie);
    expect(current.status).toBe(204);
    expect(current.headers['x-tapedeck-cacheable']).toBe('yes');
    expect(current.headers['cache-control']).toBe('no-store');
    const bare = song.streamUrl.replace(/\?.*$/, '');
    for (const uri of [bare, `${bare}?v=old`, `${bare}?v=`, `${song.streamUrl}x`]) {
      const answer = await check(uri, api.cookie);
      expect(answer.status, uri).toBe(204);
      expect(answer.headers['x-tapedeck-cacheable'], uri).toBe('no');
    }
  });

  it('refuses an anonymous request, and a session that was signed out', async () => {
    const anonymous = await check(song.streamUrl);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['x-tapedeck-cacheable']).toBeUndefined();
    await addUser(api, 'leaver', 'leaver password');
    const cookie = await login(api, 'leaver', 'leaver password');
    expect((await check(song.streamUrl, cookie)).status).toBe(204);
    expect((await sendJson(api, 'POST', '/api/auth/logout', {}, cookie)).status).toBe(204);
    expect((await check(song.streamUrl, cookie)).status).toBe(401);
  });

  it('accepts a stream link for its song only, and never a tampered one', async () => {
    const link = await linkOf(song);
    const allowed = await check(link);
    expect(allowed.status).toBe(204);
    expect(allowed.headers['x-tapedeck-cacheable']).toBe('yes');
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const otherUrl = new URL(other.streamUrl, 'http://x');
    otherUrl.searchParams.set('token', token);
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const uri of [
      `${otherUrl.pathname}${otherUrl.search}`, // the token of another song
      link.replace(token, flipped),
      link.replace(token, ''),
      link.replace(`/${song.id}`, `/${song.id}/..`),
    ]) {
      const answer = await check(uri);
      expect(answer.status, uri).toBe(401);
      expect(answer.headers['x-tapedeck-cacheable'], uri).toBeUndefined();
    }
    // A bad link is refused even with a good session: the link is what the request presents.
    expect((await check(link.replace(token, flipped), api.cookie)).status).toBe(401);
  });

  it.each([
    null,
    '',
    '/api/songs',
    '/songs/listen/',
    '/songs/listen/../../etc/passwd',
    `/songs/listen/${'a'.repeat(5000)}`,
    '/songs/listen/%00%00',
    '/songs/listen/x/../../api/users',
  ])('refuses a stream URL it cannot read, signed in or not: %.40s', async (uri) => {
    for (const cookie of [api.cookie, '']) {
      const answer = await check(uri, cookie);
      expect(answer.status).toBe(401);
      expect(json(answer).error).toEqual(expect.any(String));
    }
  });
});
