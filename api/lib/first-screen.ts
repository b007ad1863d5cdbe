/**
 * The first screen's answers, shared by the server (which puts them in the document it sends a
 * signed-in browser, routes/first-screen.ts) and the client (which asks for them when the document
 * holds none, client/lib/early-requests.ts). One list of URLs, so both sides always agree on them.
 */

/** Who is signed in: every view waits for it. */
export const ME_URL = '/api/auth/me';

/** Plays asked for (several plays of one song count once) and albums per shelf on home. */
export const RECENT_PLAYS = 30;
export const SHELF = 12;

/** What home shows; `client/views/home-data.ts` asks for these, and only these, URLs. */
export const HOME_URLS = {
  plays: `/api/plays?limit=${RECENT_PLAYS}`,
  added: `/api/albums?limit=${SHELF}&sort=added`,
  favourites: '/api/favourites',
  playlists: '/api/playlists',
} as const;

/** The answers the first screen of `path` needs: who is signed in, and on `/` home's data. */
export function firstScreenUrls(path: string): string[] {
  return path === '/' ? [ME_URL, ...Object.values(HOME_URLS)] : [ME_URL];
}

/** The id of the document's `<script type="application/json">` that holds the answers. */
export const FIRST_SCREEN_ID = 'td-first-screen';

/** URL → the JSON body of its 200 answer. */
export type FirstScreenAnswers = Record<string, unknown>;

/**
 * The answers as the text of a `<script type="application/json">` element: JSON with every `<`
 * escaped, so no name or title in it can close the element or open a comment (the HTML parser
 * looks for `</script` and `<!--` inside it, not JSON.parse).
 */
export function encodeFirstScreen(answers: FirstScreenAnswers): string {
  return JSON.stringify(answers).replace(/</g, '\\u003c');
}

/** The answers read back from that element's text; anything that is not an object gives none. */
export function decodeFirstScreen(text: string): FirstScreenAnswers {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as FirstScreenAnswers)
      : {};
  } catch {
    return {};
  }
}
