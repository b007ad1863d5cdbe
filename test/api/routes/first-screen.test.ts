import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeFirstScreen,
  FIRST_SCREEN_ID,
  firstScreenUrls,
  HOME_URLS,
  ME_URL,
} from '../../../api/lib/first-screen.ts';
import { startTestApi, type TestApi } from '../../helpers/api-server.ts';
import { makeMp3 } from '../../helpers/mp3-fixture.ts';
import { addListener, signIn } from '../../helpers/test-auth.ts';

/**
 * The document a signed-in browser's navigation gets holds its first screen's answers (the API's
 * own, for that session only); everyone else, and the service worker's copy, gets the plain shell.
 * Over real HTTP with a built-like client folder.
 */
const SHELL =
  '<!doctype html><html><head><title>Tapedeck</title></head><body><td-app></td-app><script type="module" src="/assets/index.js"></script></body></html>';
const NAVIGATION = {
  accept: 'text/html',
  'sec-fetch-dest': 'document',
  'sec-fetch-mode': 'navigate',
};
/** A playlist name that would end the data element and run a script, were it not escaped. */
const HOSTILE = '</script><script>alert(1)</script><!--';

let api: TestApi;
let clientDir: string;
let lou: string;
let max: string;

beforeAll(async () => {
  clientDir = await mkdtemp(join(tmpdir(), 'tapedeck-first-screen-'));
  await writeFile(join(clientDir, 'index.html'), SHELL);
  api = await startTestApi(
    {
      'a/1.mp3': makeMp3({ title: 'One', album: 'First', artist: 'Alpha', track: '1' }),
      'b/1.mp3': makeMp3({ title: 'Two', album: 'Second', artist: 'Bravo', track: '1' }),
    },
    'fs',
    'node',
    { clientDir },
  );
  lou = await addListener(api, 'lou');
  max = await addListener(api, 'max');
  const made = await api.fetch('/api/playlists', {
    method: 'POST',
    headers: { cookie: lou, 'content-type': 'application/json' },
    body: JSON.stringify({ name: HOSTILE }),
  });
  expect(made.status).toBe(201);
});
afterAll(async () => {
  await api?.close();
  await rm(clientDir, { recursive: true, force: true });
});

const open = (path: string, headers: Record<string, string>) =>
  fetch(`${api.url}${path}`, { headers });

/** The answers in a document, or null when it has none. */
function answersIn(html: string): Record<string, unknown> | null {
  const match = new RegExp(
    `<script type="application/json" id="${FIRST_SCREEN_ID}">([^<]*)</script>`,
  ).exec(html);
  return match ? decodeFirstScreen(match[1]!) : null;
}

async function apiAnswer(cookie: string, url: string): Promise<unknown> {
  const response = await open(url, { cookie, accept: 'application/json' });
  expect(response.status, url).toBe(200);
  return response.json();
}

describe('the first screen in the document', () => {
  it('gives a signed-in navigation of / the API’s own answers for home, never stored', async () => {
    const response = await open('/', { ...NAVIGATION, cookie: lou });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    const answers = answersIn(html);
    expect(Object.keys(answers ?? {}).sort()).toEqual(firstScreenUrls('/').sort());
    for (const url of firstScreenUrls('/')) {
      expect(answers?.[url], url).toEqual(await apiAnswer(lou, url));
    }
    expect(answers?.[ME_URL]).toMatchObject({ user: { username: 'lou' } });
    expect(html.startsWith(SHELL.slice(0, SHELL.indexOf('</body>')))).toBe(true);
  });

  it('escapes names so that none can end the element: the hostile name is data, not markup', async () => {
    const html = await (await open('/', { ...NAVIGATION, cookie: lou })).text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<!--');
    // The shell's one script element and the data element, nothing more.
    expect(html.match(/<\/script/g)).toHaveLength(2);
    const playlists = answersIn(html)?.[HOME_URLS.playlists] as { items: { name: string }[] };
    expect(playlists.items.map((p) => p.name)).toEqual([HOSTILE]);
  });

  it('gives each listener their own answers only', async () => {
    const answers = answersIn(await (await open('/', { ...NAVIGATION, cookie: max })).text());
    expect(answers?.[ME_URL]).toMatchObject({ user: { username: 'max' } });
    expect(answers?.[HOME_URLS.playlists]).toEqual({ items: [] });
    expect(JSON.stringify(answers)).not.toContain('alert');
  });

  it('puts only who is signed in into other views’ documents', async () => {
    for (const path of ['/albums', '/index.html']) {
      const answers = answersIn(await (await open(path, { ...NAVIGATION, cookie: lou })).text());
      expect(Object.keys(answers ?? {}), path).toEqual([ME_URL]);
    }
  });

  it('sends the plain shell without a session, with a forged or ended one, and to the worker', async () => {
    const forged = lou.replace(/=.*/, `=${'A'.repeat(43)}`);
    const ended = await signIn(api.url, { username: 'max', password: 'max password' });
    const out = await api.fetch('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: ended, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(204);
    const cases: [string, Record<string, string>][] = [
      ['no cookie', NAVIGATION],
      ['forged', { ...NAVIGATION, cookie: forged }],
      ['signed out', { ...NAVIGATION, cookie: ended }],
      // The worker's precache fetch, and a client that does not say what it asks for.
      ['worker', { accept: 'text/html', 'sec-fetch-dest': 'empty', cookie: lou }],
      ['unsaid', { accept: 'text/html', cookie: lou }],
    ];
    for (const [name, headers] of cases) {
      for (const path of ['/', '/albums']) {
        const response = await open(path, headers);
        expect(response.status, `${name} ${path}`).toBe(200);
        expect(await response.text(), `${name} ${path}`).toBe(SHELL);
        expect(response.headers.get('cache-control'), `${name} ${path}`).toBe('no-cache');
      }
    }
  });
});
