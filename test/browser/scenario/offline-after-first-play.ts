import { expect } from 'vitest';
import type { BrowserAdapter } from '../adapters/types.ts';
import { createApp } from '../lib/app.ts';
import { readSongFromDisk, type Song } from '../lib/catalog.ts';
import { seekAudio, waitForPlayback } from '../lib/media.ts';
import { ensureControlled } from '../lib/service-worker.ts';
import type { TapedeckServer } from '../lib/tapedeck-server.ts';
import { probeFormat } from './formats.ts';
import { checkUnplayedOffline } from './unplayed.ts';
import { checkWorkerRanges } from './worker-ranges.ts';

const AUDIO = 'td-audio';

export interface OfflineRun {
  played: Song;
  unplayed: Song;
  /** What the page did when the unplayed song was asked to play offline. */
  unplayedOutcome: string;
  timings: Record<string, number>;
}

/**
 * The promise of the app: a song played once keeps playing offline, seeking included, with the
 * server process stopped. `played` should be large enough (> 2 MB) to make engines seek by range.
 */
export async function runOfflineAfterFirstPlay(
  browser: BrowserAdapter,
  server: TapedeckServer,
  played: Song,
  unplayed: Song,
): Promise<OfflineRun> {
  const app = createApp(browser);
  const timings: Record<string, number> = {};
  const failures: string[] = [];
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    try {
      return await run();
    } catch (error) {
      const logs = browser.logs().slice(-15).join('\n');
      throw new Error(
        `[${browser.name}] step "${name}" failed: ${String(error)}\npage logs:\n${logs}`,
      );
    } finally {
      timings[name] = Date.now() - started;
    }
  };
  // Once offline, the checks are independent: run them all and report every failure together.
  const check = async <T>(name: string, run: () => Promise<T>): Promise<T | undefined> =>
    step(name, run).catch((error: unknown) => {
      failures.push(String(error));
      return undefined;
    });
  const file = await step('read the played song from disk', () =>
    readSongFromDisk(server, server.musicDir, played),
  );

  await step('open and get controlled by the worker', async () => {
    await browser.open(`${server.origin}/songs?run=online`);
    await ensureControlled(browser, 30_000);
    await app.waitForRows(2, 15_000, 'online library');
  });

  const duration = await step('first play through the UI', async () => {
    await app.clickPlay(played.id);
    const state = await waitForPlayback(browser, {
      id: AUDIO,
      pastSeconds: 0.5,
      timeoutMs: 20_000,
      what: 'first play',
    });
    expect(pathAndQuery(state.src)).toBe(played.streamUrl);
    return state.duration > 0 ? state.duration : played.duration;
  });

  await step('seek with the player slider and the audio element', async () => {
    await app.seekWithSlider(0.5);
    await expectResumesNear(browser, duration * 0.5, 'slider seek to 50 %');
    await browser.evaluate(seekAudio, AUDIO, duration * 0.2);
    await expectResumesNear(browser, duration * 0.2, 'audio seek to 20 %');
  });

  await step('worker reports the song complete', () =>
    app.waitForOffline(played.id, 'complete', 120_000),
  );
  await browser.evaluate(
    (id: string) => (document.getElementById(id) as HTMLAudioElement).pause(),
    AUDIO,
  );

  await step('stop the server', () => server.stop());

  await check('reload offline: the library shows', async () => {
    await browser.reload();
    await app.waitForRows(2, 20_000, 'offline library');
    const rows = await app.rows();
    expect(rows.find((r) => r.id === played.id)).toMatchObject({
      offline: 'complete',
      available: 'true',
    });
    expect(rows.find((r) => r.id === unplayed.id)).toMatchObject({ available: 'false' });
  });

  await check('offline play from the start', async () => {
    await app.clickPlay(played.id);
    const state = await waitForPlayback(browser, {
      id: AUDIO,
      pastSeconds: 0.5,
      timeoutMs: 20_000,
      what: 'offline play',
    });
    expect(state.currentTime, 'offline play starts at the beginning').toBeLessThan(10);
  });
  for (const fraction of [0.3, 0.8]) {
    await check(`offline seek to ${fraction * 100} %`, async () => {
      await browser.evaluate(seekAudio, AUDIO, duration * fraction);
      await expectResumesNear(browser, duration * fraction, `offline seek to ${fraction * 100} %`);
    });
  }

  const unplayedOutcome = await check('unplayed song fails fast offline', () =>
    checkUnplayedOffline(browser, app, unplayed),
  );

  await check('ranges through the worker offline', async () => {
    expect(await checkWorkerRanges(browser, played.streamUrl, file)).toEqual([]);
  });
  await check(
    'the worker alone: a detached <audio> plays it offline at 0 %, 30 %, 80 %',
    async () => {
      for (const fraction of [0, 0.3, 0.8]) {
        const start = duration * fraction;
        const probe = await browser.evaluate(
          probeFormat,
          played.streamUrl,
          played.mimeType,
          1,
          15_000,
          start,
        );
        expect(
          probe,
          `detached <audio> from ${start.toFixed(1)} s: ${JSON.stringify(probe)}`,
        ).toMatchObject({ played: true });
      }
    },
  );
  if (failures.length > 0) throw new Error(failures.join('\n\n'));
  return { played, unplayed, unplayedOutcome: unplayedOutcome ?? '', timings };
}

/** After a seek to `target`, playback must move past it (and not have jumped far beyond). */
async function expectResumesNear(
  browser: BrowserAdapter,
  target: number,
  what: string,
): Promise<void> {
  const state = await waitForPlayback(browser, {
    id: AUDIO,
    pastSeconds: target + 0.5,
    timeoutMs: 20_000,
    what,
  });
  expect(state.currentTime, `${what}: position after the seek`).toBeLessThan(target + 15);
}

/** The path and query of an absolute URL: what a song's `streamUrl` holds (`/songs/listen/<id>?v=…`). */
function pathAndQuery(url: string): string {
  const { pathname, search } = new URL(url);
  return pathname + search;
}
