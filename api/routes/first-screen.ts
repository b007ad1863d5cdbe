import type { H3, H3Event } from 'h3';
import { readSessionToken } from '../auth/cookies.ts';
import {
  encodeFirstScreen,
  FIRST_SCREEN_ID,
  type FirstScreenAnswers,
  firstScreenUrls,
  ME_URL,
} from '../lib/first-screen.ts';

/**
 * The document a signed-in browser gets when it opens Tapedeck without the service worker (a first
 * visit, a new phone): the shell with the first screen's answers inside (who is signed in, and on
 * `/` home's data), so the first covers are asked for as soon as the script runs instead of two
 * round trips later. The answers are the API's own, asked with the request's cookie through the
 * app itself: the same access checks, nothing another user could see. Anyone else (no session, an
 * expired one) gets the plain shell.
 *
 * Only a top-level navigation (`Sec-Fetch-Dest: document`) is answered this way: the service
 * worker's copy of the shell (fetched with `Sec-Fetch-Dest: empty`) stays the same for everyone,
 * and so does the answer to a client that does not say what it asks for.
 */
export async function firstScreenDocument(
  app: H3,
  event: H3Event,
  readShell: () => Promise<string>,
): Promise<string | null> {
  const headers = event.req.headers;
  const cookie = headers.get('cookie');
  if (headers.get('sec-fetch-dest') !== 'document' || !readSessionToken(cookie)) return null;
  const ask = (url: string) => answerOf(app, event, url, cookie ?? '');
  const me = await ask(ME_URL);
  if (me === undefined) return null;
  const answers: FirstScreenAnswers = { [ME_URL]: me };
  const others = firstScreenUrls(event.url.pathname).filter((url) => url !== ME_URL);
  const bodies = await Promise.all(others.map(ask));
  others.forEach((url, i) => {
    if (bodies[i] !== undefined) answers[url] = bodies[i];
  });
  const block = `<script type="application/json" id="${FIRST_SCREEN_ID}">${encodeFirstScreen(answers)}</script>`;
  const shell = await readShell();
  const at = shell.lastIndexOf('</body>');
  return at < 0 ? null : `${shell.slice(0, at)}${block}${shell.slice(at)}`;
}

/** The JSON body of the app's 200 answer to `url` for this cookie, or undefined. */
async function answerOf(
  app: H3,
  event: H3Event,
  url: string,
  cookie: string,
): Promise<unknown | undefined> {
  const headers = new Headers({ accept: 'application/json', cookie });
  const host = event.req.headers.get('host');
  if (host) headers.set('host', host);
  const response = await app.fetch(new Request(new URL(url, event.url), { headers }));
  if (response.status !== 200) {
    await response.body?.cancel();
    return undefined;
  }
  return response.json().catch(() => undefined);
}
