import { expect } from 'vitest';
import { toSongRef } from '../../../client/sw-bridge.ts';
import { CHUNK_SIZE, chunkCount } from '../../../sw/chunks.ts';
import type { BrowserAdapter } from '../adapters/types.ts';
import { createApp } from '../lib/app.ts';
import { fetchAllSongs } from '../lib/catalog.ts';
import { describeChunks, listCachedChunks, wrongLengthChunks } from '../lib/chunk-caches.ts';
import { byTestId } from '../lib/deep-query.ts';
import { createMusicFolder, LIBRARY } from '../lib/music-folder.ts';
import { ensureControlled } from '../lib/service-worker.ts';
import { signInQuietly } from '../lib/sign-in.ts';
import { startTapedeckServer } from '../lib/tapedeck-server.ts';
import { startTruncatingProxy } from '../lib/truncating-proxy.ts';
import { waitFor } from '../lib/wait.ts';
import { createWorkerMessages } from '../lib/worker-messages.ts';
import { createChecks } from './checks.ts';
import { probeFormat } from './formats.ts';
import { checkWorkerRanges } from './worker-ranges.ts';

/** The chunk whose network answer is cut short, and how much of it gets through. */
const CUT_CHUNK = 2;
const KEPT_BYTES = 100_000;

/**
 * The app is loaded through a proxy that cuts one chunk's answer short (headers and 100 kB, then
 * the connection drops). The worker must not keep that chunk, nor any chunk of the wrong length;
 * once the network behaves, a retried download completes the song, and with the server stopped
 * every range the worker serves is the file's exact bytes.
 */
export async function runTruncatedChunk(browser: BrowserAdapter, clientDir: string): Promise<void> {
  const folder = createMusicFolder([LIBRARY.neonHarbor]);
  const server = await startTapedeckServer({
    musicDir: folder.dir,
    env: { CLIENT_DIR: clientDir },
  });
  const proxy = await startTruncatingProxy(server.origin);
  const app = createApp(browser);
  const worker = createWorkerMessages(browser);
  const { step, check, finish } = createChecks(browser);
  try {
    const [song] = await fetchAllSongs(server);
    if (!song) throw new Error(`no song in the catalog of ${folder.dir}`);
    const file = folder.read(LIBRARY.neonHarbor);
    const cutRange = `bytes=${CUT_CHUNK * CHUNK_SIZE}-`;
    proxy.arm({
      match: (url, range) =>
        url.startsWith(song.streamUrl.split('?')[0]!) && range?.startsWith(cutRange) === true,
      keepBytes: KEPT_BYTES,
    });

    await step('open the app through the proxy', async () => {
      await signInQuietly(browser, server); // a cookie for the host (any port)
      await browser.open(`${proxy.origin}/songs?run=truncated`);
      await ensureControlled(browser, 30_000);
      await app.waitForRows(1, 15_000, 'library');
    });
    await step(`download with chunk ${CUT_CHUNK} cut after ${KEPT_BYTES} bytes`, async () => {
      await worker.send({ type: 'CACHE_SONG', song: toSongRef(song), pin: false });
      await waitFor(() => proxy.log.some((r) => r.cutAfter !== null), {
        timeoutMs: 20_000,
        message: `the proxy to cut ${cutRange}…; requests: ${JSON.stringify(proxy.log.slice(-5))}`,
      });
      // The download stops on the error; the other chunks already asked for land meanwhile.
      await waitFor(
        async () => {
          const { states } = await worker.ask({ type: 'GET_STATES' }, 'ALL_STATES');
          return states.find((s) => s.id === song.id)?.downloading === false;
        },
        { timeoutMs: 30_000, intervalMs: 500, message: `the download of ${song.id} to stop` },
      );
    });
    await check('no chunk is cached short, and the cut one is not cached at all', async () => {
      const chunks = (await listCachedChunks(browser)).filter((c) => c.id === song.id);
      expect(wrongLengthChunks(chunks, song.id, song.size)).toEqual([]);
      expect(chunks.filter((c) => c.index === CUT_CHUNK).map((c) => c.length)).toEqual([]);
      expect((await app.row(song.id))?.offline).toBe('partial');
    });

    await step('the network behaves: Download completes the song', async () => {
      await app.deep.click([
        byTestId('song-row', { 'data-song-id': song.id }),
        byTestId('download-song'),
      ]);
      await app.waitForOffline(song.id, 'complete', 60_000);
      const chunks = (await listCachedChunks(browser)).filter((c) => c.id === song.id);
      expect(chunks.length, describeChunks(chunks)).toBe(chunkCount(song.size));
      expect(wrongLengthChunks(chunks, song.id, song.size)).toEqual([]);
    });
    await step('stop the server and the proxy', async () => {
      await server.stop();
      await proxy.close();
    });
    await check('with the server stopped, every range through the worker is the file', async () => {
      const problems = await checkWorkerRanges(browser, song.streamUrl, file);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    });
    await check('with the server stopped, a detached <audio> plays it from 80 %', async () => {
      const start = song.duration * 0.8;
      const probe = await browser.evaluate(
        probeFormat,
        song.streamUrl,
        song.mimeType,
        1,
        15_000,
        start,
      );
      expect(probe, JSON.stringify(probe)).toMatchObject({ played: true });
    });
    finish();
  } finally {
    await proxy.close().catch(() => {});
    await server.close();
    folder.remove();
  }
}
