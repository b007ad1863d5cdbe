import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyntheticLibrary } from '../bench/browser/synthetic-library.ts';
import { type SyntheticServer, startSyntheticServer } from '../bench/browser/synthetic-server.ts';
import { type ChromiumAdapter, launchChromium } from './adapters/chromium.ts';
import { ensureBuiltClient } from './lib/built-client.ts';

/**
 * The songs view over 100 000 songs (a synthetic API: this is about the client) in real Chromium.
 * A jump deep into the list brings a whole screen of new rows; the list builds a few of them per
 * frame (row-budget.ts) and must end with every row on screen built, for the right songs, while
 * the page stays a few hundred elements.
 */

let server: SyntheticServer;
let browser: ChromiumAdapter;
let page: Page;

/** Page function: the rows on screen, through shadow roots: song ids in order, and placeholders. */
const onScreen = () => {
  const ids: string[] = [];
  let ghosts = 0;
  let elements = 0;
  const visit = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      elements++;
      const box = el.getBoundingClientRect();
      const seen = box.height > 0 && box.bottom > 0 && box.top < innerHeight;
      if (seen && el.getAttribute('data-testid') === 'song-row')
        ids.push(el.getAttribute('data-song-id') ?? '');
      if (seen && el.classList.contains('ghost')) ghosts++;
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return { ids, ghosts, elements };
};

beforeAll(async () => {
  const clientDir = await ensureBuiltClient();
  server = await startSyntheticServer(clientDir, createSyntheticLibrary(100_000));
  browser = await launchChromium();
  page = browser.page;
  page.setDefaultTimeout(30_000);
  await page.addInitScript({ content: 'globalThis.__name = (target) => target;' });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a 100 000-song list in Chromium', () => {
  it('builds every row on screen after jumps deep into the list, and keeps the page small', async () => {
    await page.goto(`${server.url}/songs`);
    await expect
      .poll(async () => (await page.evaluate(onScreen)).ids.length, { timeout: 30_000 })
      .toBeGreaterThan(5);
    for (const fraction of [0.37, 0.81, 0.05, 1]) {
      await page.evaluate(
        (f) => scrollTo(0, f * (document.documentElement.scrollHeight - innerHeight)),
        fraction,
      );
      await expect
        .poll(
          async () => {
            const { ids, ghosts } = await page.evaluate(onScreen);
            const first = Number(ids[0]?.slice(1));
            const consecutive = ids.every((id, i) => id === `s${first + i}`);
            return { ghosts, enough: ids.length >= 8, consecutive };
          },
          { timeout: 30_000 },
        )
        .toEqual({ ghosts: 0, enough: true, consecutive: true });
      const { ids, elements } = await page.evaluate(onScreen);
      const first = Number(ids[0]?.slice(1));
      // The rows are the ones at that depth, not the ones the list started with.
      expect(Math.abs(first - fraction * 100_000)).toBeLessThan(50);
      expect(elements).toBeLessThan(2000);
    }
  }, 180_000);
});
