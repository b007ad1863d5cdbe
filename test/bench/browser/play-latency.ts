import type { Page } from 'playwright-core';
import { withTimeout } from './bounded.ts';
import {
  type BenchBrowser,
  playButton,
  songRow,
  waitForController,
  withBrowser,
} from './browser.ts';
import { createMediaTracker, type MediaTraffic } from './media-tracker.ts';
import { armPlayProbe, type PlayProbeResult, readPlayProbe } from './play-probe.ts';
import type { BenchSong } from './server.ts';
import { median } from './stats.ts';

export type PlayMeasurement = PlayProbeResult & { traffic: MediaTraffic };

export interface PlayRun {
  first: PlayMeasurement | null;
  replay: PlayMeasurement | null;
  error: string | null;
}

export interface PlayLatency {
  runs: PlayRun[];
  first: { playing: number | null; progress: number | null; timeupdate: number | null };
  replay: { playing: number | null; progress: number | null; timeupdate: number | null };
}

/**
 * Click on the row's play button → audible progress, `runs` times, each in a fresh browser:
 * a first play (worker controlling the page, nothing cached), then, once the row says the song is
 * `complete`, a reload and a cached replay of the same song.
 */
export async function measurePlayLatency(
  baseUrl: string,
  song: BenchSong,
  runs: number,
  timeoutMs: number,
): Promise<PlayLatency> {
  const results: PlayRun[] = [];
  for (let i = 0; i < runs; i++) {
    const run = withBrowser('allow', (browser) => oneRun(browser, baseUrl, song, timeoutMs));
    results.push(
      await run.catch((error: Error) => ({ first: null, replay: null, error: error.message })),
    );
  }
  const pick = (phase: 'first' | 'replay', key: 'playingMs' | 'progressMs' | 'timeupdateMs') =>
    median(results.map((r) => r[phase]?.[key] ?? null));
  return {
    runs: results,
    first: {
      playing: pick('first', 'playingMs'),
      progress: pick('first', 'progressMs'),
      timeupdate: pick('first', 'timeupdateMs'),
    },
    replay: {
      playing: pick('replay', 'playingMs'),
      progress: pick('replay', 'progressMs'),
      timeupdate: pick('replay', 'timeupdateMs'),
    },
  };
}

async function oneRun(
  { context, page }: BenchBrowser,
  baseUrl: string,
  song: BenchSong,
  timeoutMs: number,
): Promise<PlayRun> {
  const tracker = await createMediaTracker(context, page);
  await page.goto(`${baseUrl}/songs`, { waitUntil: 'load' });
  await waitForController(page);
  await songRow(page, song.id, 'none').waitFor();
  tracker.reset();
  const first = { ...(await clickAndProbe(page, song, timeoutMs)), traffic: tracker.snapshot() };
  if (first.progressMs === null) {
    return { first, replay: null, error: 'first play: no progress within the bound' };
  }

  await songRow(page, song.id, 'complete').waitFor({ timeout: 60_000 });
  await page.reload({ waitUntil: 'load' });
  await waitForController(page);
  await songRow(page, song.id, 'complete').waitFor();
  tracker.reset();
  const replay = { ...(await clickAndProbe(page, song, timeoutMs)), traffic: tracker.snapshot() };
  const error = replay.progressMs === null ? 'replay: no progress within the bound' : null;
  return { first, replay, error };
}

/** Arms the in-page probe, clicks the real button (Playwright mouse input), reads the probe. */
async function clickAndProbe(
  page: Page,
  song: BenchSong,
  timeoutMs: number,
): Promise<PlayProbeResult> {
  await page.evaluate(armPlayProbe, timeoutMs);
  await playButton(page, song.id).click();
  const result = await withTimeout(page.evaluate(readPlayProbe), timeoutMs + 5000, 'play probe');
  if (!result.clicked) throw new Error('play probe: the click did not reach the page');
  return result;
}
