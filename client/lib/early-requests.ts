import {
  decodeFirstScreen,
  FIRST_SCREEN_ID,
  type FirstScreenAnswers,
} from '../../api/lib/first-screen.ts';

/**
 * GET requests started by the entry script before the shell knows who is signed in, so that the
 * first screen's data is on its way while `/api/auth/me` answers (one round trip less before the
 * first covers). `api.ts` hands a request's answer to the first matching `getJson` instead of asking
 * again. The answers are only ever read by a view, and views render only once the session is known
 * to be signed in (td-app.ts): signed out, they are 401s that nobody reads, dropped after a while.
 *
 * A document the server sent a signed-in browser already holds these answers (no round trip at
 * all: routes/first-screen.ts); they are taken from it instead of being asked for.
 */

/** Past this an answer is not handed out: the view asks again, for data as fresh as it expects. */
const MAX_AGE_MS = 15_000;

const started = new Map<string, { at: number; response: Promise<Response> }>();

/**
 * Start a GET of each URL with the headers `getJson` and `authApi` send (and `init`: the same
 * cache mode as the call that will take it), unless one is pending already.
 */
export function startEarly(
  urls: readonly string[],
  init: RequestInit = {},
  now = Date.now(),
): void {
  const inDocument = documentAnswers();
  for (const url of urls) {
    if (started.has(url)) continue;
    const response = Object.hasOwn(inDocument, url)
      ? Promise.resolve(jsonResponse(inDocument[url]))
      : fetch(url, { ...init, headers: { accept: 'application/json' } }).then(buffered);
    delete inDocument[url]; // handed out once, like any answer
    // A failure is seen by whoever takes the answer; unread, it must not be an unhandled rejection.
    response.catch(() => {});
    const early = { at: now, response };
    started.set(url, early);
    // Not taken in time (another view first, or signed out): let the answer go.
    setTimeout(() => started.get(url) === early && started.delete(url), MAX_AGE_MS);
  }
}

/** The early answer for `url`, once (its body can be read only once), or null. */
export function takeEarly(url: string, now = Date.now()): Promise<Response> | null {
  const early = started.get(url);
  if (!early) return null;
  started.delete(url);
  return now - early.at <= MAX_AGE_MS ? early.response : null;
}

/** Read an early answer's JSON without taking it (a clone), or null if it failed or is not 2xx. */
export async function peekEarly<T>(url: string): Promise<T | null> {
  const early = started.get(url);
  if (!early) return null;
  try {
    const response = await early.response;
    return response.ok ? ((await response.clone().json()) as T) : null;
  } catch {
    return null;
  }
}

let fromDocument: FirstScreenAnswers | null = null;
let documentAnswered = false;

/** The answers in the document, read (and the element removed) the first time they are needed. */
function documentAnswers(): FirstScreenAnswers {
  if (fromDocument) return fromDocument;
  const element = globalThis.document?.getElementById(FIRST_SCREEN_ID);
  fromDocument = element ? decodeFirstScreen(element.textContent ?? '') : {};
  documentAnswered = Object.keys(fromDocument).length > 0;
  element?.remove();
  return fromDocument;
}

/**
 * The server sent this page's document with answers in it: it was reachable a moment ago, and
 * signed in (no need to ask `/api/health` before showing them).
 */
export function documentHeldAnswers(): boolean {
  documentAnswers();
  return documentAnswered;
}

function jsonResponse(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

/**
 * The answer with its body read at once (small JSON): an answer nobody takes (signed out, another
 * view first) would otherwise hold its request open, unread, until it is let go.
 */
async function buffered(response: Response): Promise<Response> {
  const empty = response.status === 204 || response.status === 304;
  const body = empty ? null : await response.arrayBuffer();
  const { status, statusText, headers } = response;
  return new Response(body, { status, statusText, headers });
}
