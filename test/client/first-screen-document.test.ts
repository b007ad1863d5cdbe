import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  encodeFirstScreen,
  FIRST_SCREEN_ID,
  HOME_URLS,
  ME_URL,
} from '../../api/lib/first-screen.ts';

/**
 * Answers the server put in the document (api/routes/first-screen.ts) are handed to the client's
 * calls instead of being asked for, each once; the rest are fetched as before.
 */
function documentWith(text: string | null) {
  const element = { textContent: text, removed: false, remove: () => (element.removed = true) };
  vi.stubGlobal('document', {
    getElementById: (id: string) => (id === FIRST_SCREEN_ID && text !== null ? element : null),
  });
  return element;
}

function stubFetch() {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      calls.push(url);
      return Response.json({ fetched: url });
    }),
  );
  return calls;
}

/** The client's modules, loaded afresh (the document is read once per page). */
async function client() {
  vi.resetModules();
  const early = await import('../../client/lib/early-requests.ts');
  const { getJson } = await import('../../client/lib/api.ts');
  return { ...early, getJson };
}

afterEach(() => vi.unstubAllGlobals());

describe('answers in the document', () => {
  it('are handed out without a request, once each; the others are fetched', async () => {
    const element = documentWith(
      encodeFirstScreen({
        [ME_URL]: { user: { id: 'u1', username: 'lou', admin: false } },
        [HOME_URLS.playlists]: { items: [{ id: 'p1', name: '</script>' }] },
      }),
    );
    const calls = stubFetch();
    const { startEarly, getJson } = await client();
    startEarly([ME_URL, HOME_URLS.playlists, HOME_URLS.favourites]);
    expect(element.removed).toBe(true);
    expect(await getJson(ME_URL)).toEqual({ user: { id: 'u1', username: 'lou', admin: false } });
    expect(await getJson(HOME_URLS.playlists)).toEqual({
      items: [{ id: 'p1', name: '</script>' }],
    });
    expect(await getJson(HOME_URLS.favourites)).toEqual({ fetched: HOME_URLS.favourites });
    expect(calls).toEqual([HOME_URLS.favourites]);
    // Handed out once: asked again, it is a request like any other.
    startEarly([HOME_URLS.playlists]);
    expect(await getJson(HOME_URLS.playlists)).toEqual({ fetched: HOME_URLS.playlists });
  });

  it('a document without them, or with garbage in their place, asks for everything', async () => {
    for (const text of [null, 'not json', '[1,2]', '"text"']) {
      documentWith(text);
      const calls = stubFetch();
      const { startEarly, getJson } = await client();
      startEarly([ME_URL]);
      expect(await getJson(ME_URL), String(text)).toEqual({ fetched: ME_URL });
      expect(calls, String(text)).toEqual([ME_URL]);
    }
  });
});
