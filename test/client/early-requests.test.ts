import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOME_URLS } from '../../api/lib/first-screen.ts';
import { getJson } from '../../client/lib/api.ts';
import { startEarly, takeEarly } from '../../client/lib/early-requests.ts';
import { loadHome } from '../../client/views/home-data.ts';

const answers: Record<string, unknown> = {
  [HOME_URLS.plays]: { items: [] },
  [HOME_URLS.added]: { items: [{ id: 'al1', name: 'A' }], total: 1 },
  [HOME_URLS.favourites]: { songs: [], albums: [], artists: [] },
  [HOME_URLS.playlists]: { items: [] },
};

function stubFetch(status = 200) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      calls.push(url);
      return Response.json(answers[url] ?? { error: 'no' }, { status });
    }),
  );
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  for (const url of Object.values(HOME_URLS)) takeEarly(url); // nothing left for the next test
});

describe('early requests (home asked for beside /api/auth/me)', () => {
  it('home takes the answers started early: each URL is fetched once, and only those', async () => {
    const calls = stubFetch();
    startEarly(Object.values(HOME_URLS));
    const data = await loadHome([], true, new AbortController().signal);
    expect(data.added.map((a) => a.id)).toEqual(['al1']);
    expect(data.reached).toBe(true);
    expect(calls.sort()).toEqual(Object.values(HOME_URLS).sort());
  });

  it('an answer is handed out once; the next call asks again', async () => {
    const calls = stubFetch();
    startEarly([HOME_URLS.favourites]);
    await getJson(HOME_URLS.favourites);
    await getJson(HOME_URLS.favourites);
    expect(calls).toEqual([HOME_URLS.favourites, HOME_URLS.favourites]);
  });

  it('an old answer is not handed out', () => {
    stubFetch();
    startEarly([HOME_URLS.playlists], {}, 1_000);
    expect(takeEarly(HOME_URLS.playlists, 1_000 + 60_000)).toBeNull();
  });

  it('a 401 started early is an error for whoever takes it, as if it were asked then', async () => {
    stubFetch(401);
    startEarly([HOME_URLS.favourites]);
    await expect(getJson(HOME_URLS.favourites)).rejects.toMatchObject({ status: 401 });
  });

  it('reads each answer at once, taken or not (an unread one would hold its request open)', async () => {
    const sent: Response[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        const response = Response.json({ error: 'signed out' }, { status: 401 });
        sent.push(response);
        return response;
      }),
    );
    startEarly([HOME_URLS.playlists]);
    await vi.waitFor(() => expect(sent[0]?.bodyUsed).toBe(true));
    const taken = await takeEarly(HOME_URLS.playlists);
    expect(taken?.status).toBe(401);
    expect(await taken?.json()).toEqual({ error: 'signed out' });
  });
});
