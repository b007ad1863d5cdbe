import type { Page } from 'playwright-core';
import { withTimeout } from './bounded.ts';
import {
  type BenchBrowser,
  playButton,
  songRow,
  waitForController,
  withBrowser,
} from './browser.ts';
import { createMediaTracker, type MediaTracker, type MediaTraffic } from './media-tracker.ts';
import { type SeekTrialResult, seekTrial } from './seek-probe.ts';
import type { BenchSong } from './server.ts';
import { createRandom, percentile } from './stats.ts';

export interface SeekPhase {
  path: 'cache' | 'network';
  trials: SeekTrialResult[];
  traffic: MediaTraffic;
  playing: { p50: number | null; p95: number | null; max: number | null };
  seeked: { p50: number | null; p95: number | null };
  progress: { p50: number | null; p95: number | null };
  /** Seeks that landed inside what the element had already buffered (left out of the stats). */
  inBuffer: number;
  /** Seeks in the percentiles. */
  counted: number;
  /** Seeks with no `playing` within the bound, or a media error. */
  failures: number;
}

export interface SeekOptions {
  seeks: number;
  seed: number;
  timeoutMs: number;
}

/**
 * Seek latency, the same procedure on two paths: (a) the worker's cache — a context where the
 * song was played once through the UI and the row says `complete`, then reloaded; (b) the
 * network — a second context with service workers blocked, so the same page fetches straight
 * from the server. Same song, same seeded positions, one discarded warm-up trial each. The two
 * run in turns (cache, network, cache, …) so that a busy spell on the machine hits both alike.
 */
export async function measureSeekLatency(
  baseUrl: string,
  song: BenchSong,
  options: SeekOptions,
): Promise<SeekPhase[]> {
  return withBrowser('allow', (cacheBrowser) =>
    withBrowser('block', async (networkBrowser) => {
      const paths = [
        await preparePath('cache', cacheBrowser, baseUrl, song),
        await preparePath('network', networkBrowser, baseUrl, song),
      ];
      const random = createRandom(options.seed);
      const warmup = random();
      for (const p of paths) {
        await trial(p.page, `${song.streamUrl}?bench=${p.path}-warmup`, warmup, options.timeoutMs);
        p.tracker.reset();
      }
      for (let i = 0; i < options.seeks; i++) {
        const u = random();
        for (const p of paths) {
          const url = `${song.streamUrl}?bench=${p.path}-${i}`;
          p.trials.push(await trial(p.page, url, u, options.timeoutMs));
        }
      }
      return paths.map((p) => summarize(p.path, p.trials, p.tracker.snapshot()));
    }),
  );
}

interface PathRun {
  path: SeekPhase['path'];
  page: Page;
  tracker: MediaTracker;
  trials: SeekTrialResult[];
}

async function preparePath(
  path: SeekPhase['path'],
  { context, page }: BenchBrowser,
  baseUrl: string,
  song: BenchSong,
): Promise<PathRun> {
  const tracker = await createMediaTracker(context, page);
  await page.goto(`${baseUrl}/songs`, { waitUntil: 'load' });
  if (path === 'cache') await cacheSong(page, song);
  await songRow(page, song.id).waitFor();
  return { path, page, tracker, trials: [] };
}

function summarize(
  path: SeekPhase['path'],
  trials: SeekTrialResult[],
  traffic: MediaTraffic,
): SeekPhase {
  // A seek that landed in the buffer measured Chromium's memory, not the path: leave it out.
  const ok = trials.filter((t) => t.error === null && t.playingMs !== null && !t.inBuffer);
  const failed = trials.filter((t) => t.error !== null || t.playingMs === null);
  const values = (key: 'playingMs' | 'seekedMs' | 'progressMs') => ok.map((t) => t[key]);
  return {
    path,
    trials,
    traffic,
    playing: {
      p50: percentile(values('playingMs'), 50),
      p95: percentile(values('playingMs'), 95),
      max: percentile(values('playingMs'), 100),
    },
    seeked: { p50: percentile(values('seekedMs'), 50), p95: percentile(values('seekedMs'), 95) },
    progress: {
      p50: percentile(values('progressMs'), 50),
      p95: percentile(values('progressMs'), 95),
    },
    inBuffer: trials.filter((t) => t.inBuffer).length,
    counted: ok.length,
    failures: failed.length,
  };
}

/** Plays the song once through the UI, waits until the worker holds all of it, reloads. */
async function cacheSong(page: Page, song: BenchSong): Promise<void> {
  await waitForController(page);
  await playButton(page, song.id).click();
  await songRow(page, song.id, 'complete').waitFor({ timeout: 60_000 });
  // A new document: the element and Chromium's in-memory copy of the song start empty.
  await page.reload({ waitUntil: 'load' });
  await waitForController(page);
  await songRow(page, song.id, 'complete').waitFor();
}

function trial(page: Page, url: string, u: number, timeoutMs: number): Promise<SeekTrialResult> {
  return withTimeout(
    page.evaluate(seekTrial, { url, u, timeoutMs }),
    3 * timeoutMs + 5000,
    `seek trial ${url}`,
  );
}
