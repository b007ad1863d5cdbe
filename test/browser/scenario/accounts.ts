import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHUNK_KEY_ORIGIN } from '../../../sw/chunks.ts';
import type { BrowserAdapter } from '../adapters/types.ts';
import type { createApp } from '../lib/app.ts';
import { listCacheEntries } from '../lib/chunk-caches.ts';
import { byTestId, createDeep } from '../lib/deep-query.ts';
import type { TapedeckServer } from '../lib/tapedeck-server.ts';
import { waitFor } from '../lib/wait.ts';

/** Page function: all text of the page, shadow roots included (what a person could read). */
export const pageText = () => {
  const parts: string[] = [document.title];
  const visit = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) visit(element.shadowRoot);
      if (element.children.length === 0 && !['STYLE', 'SCRIPT'].includes(element.tagName)) {
        parts.push(element.textContent ?? '');
      }
    }
  };
  visit(document);
  return parts.join('\n');
};

/** Page function: stubs the clipboard and records what the app writes to it. */
export const recordClipboard = () => {
  const written: string[] = [];
  (window as unknown as { copied: string[] }).copied = written;
  const clipboard = navigator.clipboard as Clipboard & Record<string, unknown>;
  clipboard.writeText = async (text: string) => void written.push(text);
  clipboard.write = async (items: ClipboardItem[]) => {
    for (const item of items) written.push(await (await item.getType('text/plain')).text());
  };
  return true;
};

/** Every Cache Storage entry of the page that holds library data (not the app shell). */
export async function libraryCacheEntries(browser: BrowserAdapter) {
  const entries = await browser.evaluate(listCacheEntries, '');
  return entries.filter(
    (e) =>
      e.url.startsWith(CHUNK_KEY_ORIGIN) ||
      /\/api\/|\/songs\/listen\//.test(new URL(e.url).pathname),
  );
}

/**
 * Ends every session of the stopped server by age: their "last seen" moves 31 days back in the
 * state store (CACHE_DIR/state/sessions), past SESSION_DAYS (30).
 */
export async function ageSessions(server: TapedeckServer): Promise<number> {
  if (server.isRunning()) throw new Error('stop the server before ageing its sessions');
  const dir = join(server.cacheDir, 'state', 'sessions');
  let aged = 0;
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const record = JSON.parse(await readFile(path, 'utf8')) as { lastSeen?: number };
    if (typeof record.lastSeen !== 'number') continue;
    record.lastSeen = Date.now() - 31 * 24 * 3600_000;
    await writeFile(path, JSON.stringify(record));
    aged++;
  }
  return aged;
}

/** The sign-in page is up (optionally with a notice whose text matches). */
export async function waitForSignInPage(
  browser: BrowserAdapter,
  notice?: RegExp,
  timeoutMs = 30_000,
) {
  const deep = createDeep(browser);
  await waitFor(
    async () => {
      if ((await deep.count('#td-sign-in-username')) === 0) return false;
      if (!notice) return true;
      const [shown] = await deep.query(byTestId('sign-in-notice'));
      return shown !== undefined && notice.test(shown.text);
    },
    {
      timeoutMs,
      message: `[${browser.name}] the sign-in page${notice ? ` saying ${notice}` : ''}`,
    },
  );
}

export async function signOutThroughMenu(browser: BrowserAdapter) {
  const deep = createDeep(browser);
  await deep.click(byTestId('account-button'));
  await waitFor(async () => (await deep.count(byTestId('sign-out'))) > 0, {
    timeoutMs: 10_000,
    message: 'the account menu',
  });
  await deep.click(byTestId('sign-out'));
  await deep.click(byTestId('sign-out-confirm'));
  await waitForSignInPage(browser);
}

export type App = ReturnType<typeof createApp>;
