import { expect } from 'vitest';
import { toSongRef } from '../../../client/sw-bridge.ts';
import { chunkCount } from '../../../sw/chunks.ts';
import type { BrowserAdapter } from '../adapters/types.ts';
import { createApp } from '../lib/app.ts';
import { fetchAllSongs } from '../lib/catalog.ts';
import { describeChunks, listCachedChunks, wrongLengthChunks } from '../lib/chunk-caches.ts';
import { askWorkerVersion, copyBuiltClient } from '../lib/client-copy.ts';
import { byTestId } from '../lib/deep-query.ts';
import { waitForPlayback } from '../lib/media.ts';
import { createMusicFolder, LIBRARY } from '../lib/music-folder.ts';
import { ensureControlled, readWorkerState } from '../lib/service-worker.ts';
import { signInQuietly } from '../lib/sign-in.ts';
import { startTapedeckServer } from '../lib/tapedeck-server.ts';
import { waitFor } from '../lib/wait.ts';
import { createWorkerMessages } from '../lib/worker-messages.ts';
import { createChecks } from './checks.ts';
import { checkWorkerRanges } from './worker-ranges.ts';

/**
 * The app runs under worker v1 with a song kept offline; the served sw.js then changes (a marker
 * that answers a `TEST_VERSION` message is appended). An update check must show the update card;
 * its button must reload the page under the new worker, and the song must still be whole and play
 * with the server stopped. `tab` says which page gets the update: one loaded while v1 already
 * controlled it (`returning`), or the very tab whose first visit installed v1 and was claimed by
 * it (`first-visit`), which a listener may keep open for hours.
 */
export async function runWorkerUpdate(
  browser: BrowserAdapter,
  clientDir: string,
  tab: 'returning' | 'first-visit',
): Promise<void> {
  const client = copyBuiltClient(clientDir);
  const folder = createMusicFolder([LIBRARY.midnightSignal]);
  const server = await startTapedeckServer({
    musicDir: folder.dir,
    env: { CLIENT_DIR: client.dir },
  });
  const app = createApp(browser);
  const { step, check, finish } = createChecks(browser);
  const marker = `v2-${Date.now()}`;
  try {
    const [song] = await fetchAllSongs(server);
    if (!song) throw new Error(`no song in the catalog of ${folder.dir}`);
    await step('worker v1 controls the page and keeps the song whole', async () => {
      await signInQuietly(browser, server); // a cookie for the host (any port)
      await browser.open(`${server.origin}/songs?run=update-${tab}`);
      await browser.evaluate(() => {
        (window as Window & { firstLoad?: boolean }).firstLoad = true;
      });
      // The first-visit tab must be claimed by the worker, not reloaded into its control.
      await ensureControlled(browser, 30_000, tab === 'returning');
      const claimed = await browser.evaluate(() => 'firstLoad' in window);
      if (tab === 'first-visit')
        expect(claimed, 'the first tab is claimed, not reloaded').toBe(true);
      else {
        await browser.reload();
        const controlled = await browser.evaluate(() =>
          Boolean(navigator.serviceWorker.controller),
        );
        expect(controlled, 'a returning page loads under v1').toBe(true);
      }
      await app.waitForRows(1, 15_000, 'library under v1');
      await createWorkerMessages(browser).send({
        type: 'CACHE_SONG',
        song: toSongRef(song),
        pin: false,
      });
      await app.waitForOffline(song.id, 'complete', 60_000);
      expect(await browser.evaluate(askWorkerVersion, 1000), 'v1 knows no TEST_VERSION').toBeNull();
    });

    client.markWorkerVersion(marker);
    await step('an update check finds the new sw.js: the update card shows', async () => {
      await browser.evaluate(async () => {
        (window as Window & { beforeUpdate?: boolean }).beforeUpdate = true;
        await (await navigator.serviceWorker.getRegistration())?.update();
      });
      await waitFor(() => app.deep.count(['td-update-prompt[open]', byTestId('update-button')]), {
        timeoutMs: 20_000,
        message: 'an open td-update-prompt with [data-testid="update-button"]',
      }).catch(async (error: unknown) => {
        const worker = await browser.evaluate(readWorkerState).catch(String);
        throw new Error(`${String(error)}\nworker: ${JSON.stringify(worker)}`);
      });
    });
    await step('Update reloads the page under the new worker', async () => {
      await app.deep.click(['td-update-prompt[open]', byTestId('update-button')]);
      await waitFor(
        () =>
          browser.evaluate(() => !('beforeUpdate' in window) && document.readyState === 'complete'),
        { timeoutMs: 15_000, message: 'the page to reload after Update' },
      ).catch(async (error: unknown) => {
        throw new Error(`${String(error)}\n${await describeAfterClick(browser)}`);
      });
      await ensureControlled(browser, 15_000);
      expect(
        await browser.evaluate(askWorkerVersion, 5000),
        'the controller runs the new sw.js',
      ).toBe(marker);
    });

    await check('the song is still whole after the update', async () => {
      await app.waitForOffline(song.id, 'complete', 15_000);
      const chunks = (await listCachedChunks(browser)).filter((c) => c.id === song.id);
      expect(chunks.length, describeChunks(chunks)).toBe(chunkCount(song.size));
      expect(wrongLengthChunks(chunks, song.id, song.size)).toEqual([]);
    });
    await step('stop the server', () => server.stop());
    await check(
      'with the server stopped, it plays in the UI and its ranges are the file',
      async () => {
        await app.clickPlay(song.id);
        await waitForPlayback(browser, {
          id: 'td-audio',
          pastSeconds: 1,
          timeoutMs: 20_000,
          what: 'offline after the update',
        });
        const problems = await checkWorkerRanges(
          browser,
          song.streamUrl,
          folder.read(LIBRARY.midnightSignal),
        );
        if (problems.length > 0) throw new Error(problems.join('\n'));
      },
    );
    finish();
  } finally {
    await server.close();
    folder.remove();
    client.remove();
  }
}

/** What the page shows and which worker controls it, for a reload that did not happen. */
async function describeAfterClick(browser: BrowserAdapter): Promise<string> {
  const [button] = await createApp(browser).deep.query(byTestId('update-button'));
  const worker = await browser.evaluate(readWorkerState);
  const version = await browser.evaluate(askWorkerVersion, 2000);
  return (
    `after the click: update button "${button?.text}" (disabled: ${button?.disabled}); ` +
    `worker ${JSON.stringify(worker)}; the controller answers TEST_VERSION with ${version}`
  );
}

/**
 * The update card must not depend on who started the update: here a new worker is already
 * installing (its install takes 8 s) when the page loads and registers, as after an update check
 * from another tab or one that raced the page's idle-time registration. workbox-window reports
 * only installs it watched from the start; the card must show anyway once the worker waits.
 */
export async function runUpdateInstallingAtLoad(
  browser: BrowserAdapter,
  clientDir: string,
): Promise<void> {
  const client = copyBuiltClient(clientDir);
  const folder = createMusicFolder([LIBRARY.slowLights]);
  const server = await startTapedeckServer({
    musicDir: folder.dir,
    env: { CLIENT_DIR: client.dir },
  });
  const app = createApp(browser);
  const { step, finish } = createChecks(browser);
  const marker = `v2-early-${Date.now()}`;
  try {
    await step('worker v1 controls the page', async () => {
      await signInQuietly(browser, server);
      await browser.open(`${server.origin}/songs?run=update-installing`);
      await ensureControlled(browser, 30_000);
      await app.waitForRows(1, 15_000, 'library under v1');
    });
    client.markWorkerVersion(marker, { installDelayMs: 8000 });
    await step('v2 starts installing, then the page reloads and registers meanwhile', async () => {
      const installing = await browser.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
        return registration?.installing?.state ?? null;
      });
      expect(installing, 'v2 is installing').toBe('installing');
      await browser.reload();
    });
    await step('the update card shows once v2 waits', async () => {
      await waitFor(() => app.deep.count(['td-update-prompt[open]', byTestId('update-button')]), {
        timeoutMs: 30_000,
        message: 'an open td-update-prompt with [data-testid="update-button"]',
      }).catch(async (error: unknown) => {
        const worker = await browser.evaluate(readWorkerState).catch(String);
        throw new Error(`${String(error)}\nworker: ${JSON.stringify(worker)}`);
      });
    });
    await step('Update reloads the page under v2', async () => {
      await browser.evaluate(() => {
        (window as Window & { beforeUpdate?: boolean }).beforeUpdate = true;
      });
      await app.deep.click(['td-update-prompt[open]', byTestId('update-button')]);
      await waitFor(
        () =>
          browser.evaluate(() => !('beforeUpdate' in window) && document.readyState === 'complete'),
        { timeoutMs: 30_000, message: 'the page to reload after Update' },
      ).catch(async (error: unknown) => {
        throw new Error(`${String(error)}\n${await describeAfterClick(browser)}`);
      });
      await ensureControlled(browser, 30_000);
      expect(await browser.evaluate(askWorkerVersion, 5000), 'the controller runs v2').toBe(marker);
    });
    finish();
  } finally {
    await server.close();
    folder.remove();
    client.remove();
  }
}
