import { expect } from 'vitest';
import { chunkCount } from '../../../sw/chunks.ts';
import type { BrowserAdapter } from '../adapters/types.ts';
import { createApp } from '../lib/app.ts';
import { fetchAllSongs, type Song } from '../lib/catalog.ts';
import { describeChunks, listCachedChunks, wrongLengthChunks } from '../lib/chunk-caches.ts';
import { byTestId } from '../lib/deep-query.ts';
import { waitForPlayback } from '../lib/media.ts';
import { createMusicFolder, LIBRARY } from '../lib/music-folder.ts';
import { ensureControlled } from '../lib/service-worker.ts';
import { signInQuietly } from '../lib/sign-in.ts';
import { startTapedeckServer } from '../lib/tapedeck-server.ts';
import { waitFor } from '../lib/wait.ts';
import { createChecks, mediaAnswerTotals } from './checks.ts';
import { checkWorkerRanges } from './worker-ranges.ts';

const PATH = LIBRARY.slowLights;

/**
 * A song cached whole, then replaced on disk under the same path (same id, new ETag) while the
 * server watches its folder. Once the catalog shows the new ETag and the page reloads (it fetches
 * the catalog through the worker), every range fetched through the worker must be the new file's
 * bytes, no chunk of the old ETag may remain, and playing it must never mix the two versions.
 */
export async function runEtagChange(browser: BrowserAdapter, clientDir: string): Promise<void> {
  const folder = createMusicFolder([PATH]);
  const server = await startTapedeckServer({
    watch: true,
    musicDir: folder.dir,
    env: { CLIENT_DIR: clientDir },
  });
  const app = createApp(browser);
  const { check, step, finish } = createChecks(browser);
  try {
    const [old] = await fetchAllSongs(server);
    if (!old) throw new Error(`no song in the catalog of ${folder.dir}`);
    await step('cache the song whole with the Download button', async () => {
      await signInQuietly(browser, server); // a cookie for the host (any port)
      await browser.open(`${server.origin}/songs?run=etag-v1`);
      await ensureControlled(browser, 30_000);
      await app.waitForRows(1, 15_000, 'library before the change');
      await app.deep.click([
        byTestId('song-row', { 'data-song-id': old.id }),
        byTestId('download-song'),
      ]);
      await app.waitForOffline(old.id, 'complete', 60_000);
      const cached = (await listCachedChunks(browser)).filter((c) => c.etag === old.etag);
      expect(cached.length, describeChunks(cached)).toBe(chunkCount(old.size));
    });

    folder.replace(PATH, LIBRARY.glassCity);
    const file = folder.read(PATH);
    const next = await step(
      'the watching server rescans: a new ETag in GET /api/songs',
      async () => {
        const song = await waitFor(
          async () => {
            const songs = await fetchAllSongs(server);
            // A scan may catch the copy half written: wait for the whole new file's version.
            return songs.find((s) => s.etag !== old.etag && s.size === file.length) ?? null;
          },
          { timeoutMs: 30_000, intervalMs: 500, message: `a new ETag and size for ${old.id}` },
        ).catch((error: unknown) => {
          throw new Error(
            `${String(error)}\n--- server output ---\n${server.output().slice(-2000)}`,
          );
        });
        expect(song.id, 'the id comes from the path, so it stays').toBe(old.id);
        return song;
      },
    );
    const changed = `after ${old.etag} (${old.size} B) → ${next.etag} (${next.size} B)`;

    await step('reload: the app fetches the new catalog through the worker', async () => {
      await browser.reload();
      await app.waitForRows(1, 15_000, 'library after the change');
    });
    await check(`ranges through the worker are the new file's bytes ${changed}`, async () => {
      const problems = await checkWorkerRanges(browser, next.streamUrl, file);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    });
    await check(`no chunk of the old ETag is left ${changed}`, async () => {
      const stale = (await listCachedChunks(browser)).filter((c) => c.etag === old.etag);
      expect(describeChunks(stale)).toBe('(none)');
    });
    await check(`playing it never mixes versions ${changed}`, () =>
      playsNewVersionOnly(browser, next),
    );
    finish();
  } finally {
    await server.close();
    folder.remove();
  }
}

/** Played in the UI, every media answer is the new version's, and it is kept whole again. */
async function playsNewVersionOnly(browser: BrowserAdapter, song: Song): Promise<void> {
  const app = createApp(browser);
  const mark = browser.logs().length;
  await app.clickPlay(song.id);
  await waitForPlayback(browser, {
    id: 'td-audio',
    pastSeconds: 0.5,
    timeoutMs: 20_000,
    what: 'new version',
  });
  await app.waitForOffline(song.id, 'complete', 60_000);
  const totals = mediaAnswerTotals(browser.logs().slice(mark), song.id);
  expect(totals.length, 'media answers to <audio> seen in the log').toBeGreaterThan(0);
  const wrong = totals.filter((t) => t !== song.size);
  expect(wrong, `sizes in the worker's answers to <audio> (want only ${song.size})`).toEqual([]);
  const chunks = (await listCachedChunks(browser)).filter((c) => c.id === song.id);
  expect(describeChunks(chunks.filter((c) => c.etag !== song.etag))).toBe('(none)');
  expect(chunks.length).toBe(chunkCount(song.size));
  expect(wrongLengthChunks(chunks, song.id, song.size)).toEqual([]);
}
