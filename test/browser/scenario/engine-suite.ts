import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../adapters/launch.ts';
import type { BrowserAdapter, EngineName } from '../adapters/types.ts';
import { createApp } from '../lib/app.ts';
import { ensureBuiltClient } from '../lib/built-client.ts';
import { fetchAllSongs, type Song } from '../lib/catalog.ts';
import { signInThroughForm } from '../lib/sign-in.ts';
import { startTapedeckServer, type TapedeckServer } from '../lib/tapedeck-server.ts';
import { designTokensApplied, unappliedStyleAttributes } from './csp.ts';
import { checkFormatBadges } from './format-badges.ts';
import { probeFormats, writeSupport } from './formats.ts';
import { runOfflineAfterFirstPlay } from './offline-after-first-play.ts';

/** What engine-specific tests receive: the running server, the browser and the catalog. */
export interface EngineContext {
  server: TapedeckServer;
  browser: BrowserAdapter;
  songs: Song[];
}

/**
 * Declares the end-to-end suite for one engine: its own server (own port and cache) and browser,
 * `before` (engine-only checks, run online on a fresh profile), the offline-after-first-play
 * scenario, then the format survey and the library's format badges with the server restarted.
 */
export function defineEngineSuite(
  engine: EngineName,
  before?: (ctx: () => EngineContext) => void,
): void {
  describe(`${engine}: Tapedeck end to end`, () => {
    let server: TapedeckServer;
    let browser: BrowserAdapter;
    let songs: Song[];
    const ctx = () => ({ server, browser, songs });

    beforeAll(async () => {
      const clientDir = await ensureBuiltClient();
      server = await startTapedeckServer({ env: { CLIENT_DIR: clientDir } });
      songs = await fetchAllSongs(server);
      browser = await launchBrowser(engine);
      console.info(
        `[${engine}] ${await browser.version()} launched in ${browser.launchMs} ms; ${songs.length} songs`,
      );
      // Every step after this runs signed in, as a listener would (the form, in every engine).
      await signInThroughForm(browser, server);
    }, 300_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    before?.(ctx);

    it('keeps playing a song offline after its first play, seeking included', async () => {
      const [played, unplayed] = await choosePlayableSongs(browser, songs);
      const run = await runOfflineAfterFirstPlay(browser, server, played, unplayed);
      console.info(
        `[${engine}] offline run: ${JSON.stringify(run.timings)}; unplayed: ${run.unplayedOutcome}`,
      );
    }, 300_000);

    it("runs under the CSP: the hashed inline style and Lit's style attributes apply", async () => {
      if (!server.isRunning()) await server.start();
      await browser.open(`${server.origin}/songs?run=csp`);
      await createApp(browser).waitForRows(2, 20_000, 'library under the CSP');
      expect(await browser.evaluate(designTokensApplied), 'index.html style (by hash)').toBe(true);
      expect(await browser.evaluate(unappliedStyleAttributes)).toEqual([]);
    }, 60_000);

    it('plays every catalog format it says it can play', async () => {
      if (!server.isRunning()) await server.start();
      await browser.open(`${server.origin}/songs?run=formats`);
      const results = await probeFormats(browser, songs);
      writeSupport(engine, await browser.version(), results);
      const failed = results.filter((r) => r.canPlayType !== '' && !r.played);
      expect(failed, `[${engine}] playable formats that did not play a second`).toEqual([]);
      expect(results.some((r) => r.played)).toBe(true);
    }, 180_000);

    it('marks every song of a format it cannot play as unsupported in the library, and no other', async () => {
      if (!server.isRunning()) await server.start();
      await browser.open(`${server.origin}/songs?run=format-badges`);
      const { problems, unsupported } = await checkFormatBadges(browser, songs);
      console.info(`[${engine}] ${unsupported} of ${songs.length} songs in formats it cannot play`);
      expect(problems, `[${engine}] rows vs canPlayType`).toEqual([]);
    }, 60_000);
  });
}

/** The largest song this engine can play (so seeks become range requests) and another playable one. */
async function choosePlayableSongs(browser: BrowserAdapter, songs: Song[]): Promise<[Song, Song]> {
  // Not an app page: leaving the app while its worker installs can wedge WebKitGTK's install.
  await browser.open('about:blank');
  const mimeTypes = [...new Set(songs.map((s) => s.mimeType))];
  const verdicts = await browser.evaluate(
    (types: string[]) => types.map((type) => document.createElement('audio').canPlayType(type)),
    mimeTypes,
  );
  const playable = new Set(mimeTypes.filter((_, i) => verdicts[i] !== ''));
  const candidates = songs.filter((s) => playable.has(s.mimeType)).sort((a, b) => b.size - a.size);
  if (candidates.length < 2) {
    throw new Error(
      `[${browser.name}] needs two playable songs; catalog types: ${JSON.stringify(mimeTypes)} → ${JSON.stringify(verdicts)}`,
    );
  }
  return [candidates[0]!, candidates[candidates.length - 1]!];
}
