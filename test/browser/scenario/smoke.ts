import { expect } from 'vitest';
import type { BrowserAdapter } from '../adapters/types.ts';
import { byTestId, createDeep } from '../lib/deep-query.ts';
import { readAudio, startAudio, waitForPlayback } from '../lib/media.ts';
import { ensureControlled } from '../lib/service-worker.ts';
import type { SmokeSite } from '../lib/smoke-site.ts';

/**
 * Proves an adapter can drive its engine: evaluate (sync, async, arguments, errors), shadow-DOM
 * queries, a service worker that controls the page and answers fetches, and `<audio>` playback of
 * a response the worker built itself.
 */
export async function runSmoke(browser: BrowserAdapter, site: SmokeSite): Promise<void> {
  expect(await browser.version()).toMatch(/^(chromium|firefox|webkitgtk) \d+\.\d+/);

  await browser.open(`${site.origin}/?phase=smoke`);
  expect(await browser.evaluate(() => document.title)).toBe('smoke');
  expect(await browser.evaluate((a: number, b: { n: number }) => a + b.n, 2, { n: 40 })).toBe(42);
  const later = await browser.evaluate(async (ms: number) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return { waited: ms, list: [1, 'two', null], nothing: undefined };
  }, 20);
  expect(later).toEqual({ waited: 20, list: [1, 'two', null] });
  await expect(
    browser.evaluate(async () => {
      throw new Error('boom from the page');
    }),
  ).rejects.toThrow(/boom from the page/);

  const deep = createDeep(browser);
  const button = byTestId('deep-button');
  expect(await deep.count(button)).toBe(1);
  expect(await deep.count(['smoke-outer', 'smoke-inner', button])).toBe(1);
  await deep.click(button);
  expect((await deep.query(button))[0]?.attributes['data-clicks']).toBe('1');
  await expect(deep.click(byTestId('missing'))).rejects.toThrow(/not found/);

  const worker = await ensureControlled(browser);
  expect(worker.controllerUrl).toBe(`${site.origin}/sw.js`);
  expect(await browser.evaluate(async () => (await fetch('/ping')).text())).toBe(
    'pong from worker',
  );

  await browser.evaluate(startAudio, 'td-audio', '/worker-tone.wav?phase=smoke', null);
  const playing = await waitForPlayback(browser, {
    id: 'td-audio',
    pastSeconds: 1,
    timeoutMs: 15_000,
    what: 'tone built by the worker',
  });
  expect(playing.duration).toBeCloseTo(8, 0);
  expect((await browser.evaluate(readAudio, 'td-audio')).error).toBeNull();
  expect(site.requests.some((line) => line.startsWith('/tone.wav'))).toBe(true);
}
