import { expect } from 'vitest';
import { chunkCount } from '../../../sw/chunks.ts';
import type { BrowserAdapter } from '../adapters/types.ts';
import { createApp } from '../lib/app.ts';
import { fetchAllSongs, type Song } from '../lib/catalog.ts';
import { describeChunks, listCachedChunks, wrongLengthChunks } from '../lib/chunk-caches.ts';
import { readAudio, waitForPlayback } from '../lib/media.ts';
import { createMusicFolder, LIBRARY } from '../lib/music-folder.ts';
import { ensureControlled } from '../lib/service-worker.ts';
import { signInQuietly } from '../lib/sign-in.ts';
import { startTapedeckServer } from '../lib/tapedeck-server.ts';
import { createWorkerMessages } from '../lib/worker-messages.ts';
import { createChecks } from './checks.ts';

const AUDIO = 'td-audio';

/**
 * With a budget a little over one song, song A is played and kept whole, then song B is played:
 * the worker must evict A (least recently played) to keep B, never the playing song, and B must
 * end up whole and still playing.
 */
export async function runEviction(browser: BrowserAdapter, clientDir: string): Promise<void> {
  const folder = createMusicFolder([LIBRARY.slowLights, LIBRARY.glassCity]);
  const server = await startTapedeckServer({
    musicDir: folder.dir,
    env: { CLIENT_DIR: clientDir },
  });
  const app = createApp(browser);
  const worker = createWorkerMessages(browser);
  const { step, check, finish } = createChecks(browser);
  try {
    const songs = await fetchAllSongs(server);
    const [a, b] = pick(songs);
    // Room for the bigger song and a bit more, never for both.
    const budget = Math.max(a.size, b.size) + 100_000;
    expect(budget).toBeLessThan(a.size + b.size);

    await step('open, controlled, set the budget', async () => {
      await signInQuietly(browser, server); // a cookie for the host (any port)
      await browser.open(`${server.origin}/songs?run=eviction`);
      await ensureControlled(browser, 30_000);
      await app.waitForRows(2, 15_000, 'library');
      await worker.ask({ type: 'SET_BUDGET', bytes: budget }, 'STORAGE', `"budget":${budget}`);
    });
    await step(`play A (${a.title}, ${a.size} B) until it is kept whole`, async () => {
      await app.clickPlay(a.id);
      await waitForPlayback(browser, { id: AUDIO, pastSeconds: 0.3, timeoutMs: 20_000, what: 'A' });
      await app.waitForOffline(a.id, 'complete', 60_000);
    });
    await step(`play B (${b.title}, ${b.size} B) until it is kept whole`, async () => {
      await app.clickPlay(b.id);
      await waitForPlayback(browser, { id: AUDIO, pastSeconds: 0.3, timeoutMs: 20_000, what: 'B' });
      await app.waitForOffline(b.id, 'complete', 60_000);
    });

    const chunks = await listCachedChunks(browser);
    await check('A was evicted: row "none", no chunk left', async () => {
      expect((await app.row(a.id))?.offline).toBe('none');
      expect(describeChunks(chunks.filter((c) => c.id === a.id))).toBe('(none)');
    });
    await check('B (playing) is whole in Cache Storage', async () => {
      const own = chunks.filter((c) => c.id === b.id);
      expect(own.length, describeChunks(own)).toBe(chunkCount(b.size));
      expect(wrongLengthChunks(own, b.id, b.size)).toEqual([]);
    });
    await check('the worker reports song bytes within the budget', async () => {
      const { report } = await worker.ask({ type: 'GET_STORAGE' }, 'STORAGE');
      expect(report.songBytes).toBe(b.size);
      expect(report.budget).toBe(budget);
    });
    await check('B still plays', async () => {
      const before = await browser.evaluate(readAudio, AUDIO);
      expect(pathAndQuery(before.src)).toBe(b.streamUrl);
      await waitForPlayback(browser, {
        id: AUDIO,
        pastSeconds: before.currentTime + 1,
        timeoutMs: 15_000,
        what: 'B after the eviction',
      });
    });
    finish();
  } finally {
    await server.close();
    folder.remove();
  }
}

function pick(songs: Song[]): [Song, Song] {
  const [a, b] = [...songs].sort((x, y) => x.title.localeCompare(y.title));
  if (!a || !b) throw new Error(`eviction needs two songs, the catalog has ${songs.length}`);
  return [a, b];
}

/** The path and query of an absolute URL: what a song's `streamUrl` holds (`/songs/listen/<id>?v=…`). */
function pathAndQuery(url: string): string {
  const { pathname, search } = new URL(url);
  return pathname + search;
}
