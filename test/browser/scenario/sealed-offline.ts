import { expect } from 'vitest';
import { chunkCount } from '../../../sw/chunks.ts';
import { findSecretRuns } from '../../helpers/byte-runs.ts';
import type { BrowserAdapter } from '../adapters/types.ts';
import { createApp } from '../lib/app.ts';
import { fetchAllSongs, readSongFromDisk } from '../lib/catalog.ts';
import { seekAudio, waitForPlayback } from '../lib/media.ts';
import { ensureControlled } from '../lib/service-worker.ts';
import { signInThroughForm } from '../lib/sign-in.ts';
import { dumpStorage, type StorageDump } from '../lib/storage-dump.ts';
import { startTapedeckServer } from '../lib/tapedeck-server.ts';
import { signOutThroughMenu } from './accounts.ts';
import { createChecks } from './checks.ts';
import { checkWorkerRanges } from './worker-ranges.ts';

const AUDIO = 'td-audio';

/**
 * Issue 14 end to end: a signed-in user plays a song through the UI; once the worker holds it,
 * nothing the origin keeps (Cache Storage, IndexedDB) holds a 64-byte run of the song's bytes and
 * the key cannot be read by script; with the server stopped the song plays and seeks, and its
 * ranges through the worker are the file's bytes; signing out leaves nothing readable.
 */
export async function runSealedOffline(browser: BrowserAdapter, clientDir: string): Promise<void> {
  const server = await startTapedeckServer({ env: { CLIENT_DIR: clientDir } });
  const app = createApp(browser);
  const { step, check, finish } = createChecks(browser);
  try {
    const songs = await fetchAllSongs(server);
    const song = songs
      .filter((s) => s.mimeType === 'audio/mpeg')
      .sort((a, b) => b.size - a.size)[0];
    if (!song) throw new Error('no MP3 in the library');
    const file = await readSongFromDisk(server, server.musicDir, song);

    await step(
      'sign in through the form (the app tells the worker) and play through the UI',
      async () => {
        await signInThroughForm(browser, server);
        await ensureControlled(browser, 30_000);
        await app.waitForRows(2, 15_000, 'library');
        await app.clickPlay(song.id);
        await waitForPlayback(browser, {
          id: AUDIO,
          pastSeconds: 0.5,
          timeoutMs: 20_000,
          what: 'play',
        });
        await app.waitForOffline(song.id, 'complete', 60_000);
      },
    );

    await check(
      'no 64-byte run of the song in Cache Storage or IndexedDB; the key is not readable',
      async () => {
        const dump = await dumpStorage(browser);
        const chunks = dump.ownEntries.filter(
          (e) => e.startsWith('tapedeck-chunks') && e.includes(`/${encodeURIComponent(song.id)}/`),
        );
        expect(chunks.length, 'the song is kept (as chunks)').toBe(chunkCount(song.size));
        expect(findSecretRuns(file, dump.blobs)).toEqual([]);
        expect(dump.keys.length, 'the offline key is in IndexedDB').toBeGreaterThan(0);
        expect(dump.keys.filter((k) => k.extractable || k.exported)).toEqual([]);
        const titles = dump.blobs.filter((b) => b.bytes.includes(Buffer.from(song.title)));
        expect(
          titles.map((b) => b.name),
          'no title in the clear',
        ).toEqual([]);
      },
    );

    await step('stop the server', () => server.stop());
    await check('offline: the library shows, the song plays and seeks, byte for byte', async () => {
      await browser.reload();
      await app.waitForRows(2, 20_000, 'offline library');
      await app.clickPlay(song.id);
      const state = await waitForPlayback(browser, {
        id: AUDIO,
        pastSeconds: 0.5,
        timeoutMs: 20_000,
        what: 'offline play',
      });
      for (const fraction of [0.3, 0.8]) {
        const target = state.duration * fraction;
        await browser.evaluate(seekAudio, AUDIO, target);
        await waitForPlayback(browser, {
          id: AUDIO,
          pastSeconds: target + 0.5,
          timeoutMs: 20_000,
          what: `offline seek to ${fraction * 100} %`,
        });
      }
      await browser.evaluate(
        (id: string) => (document.getElementById(id) as HTMLAudioElement).pause(),
        AUDIO,
      );
      expect(await checkWorkerRanges(browser, song.streamUrl, file)).toEqual([]);
    });

    await check(
      'sign out: the key and every kept copy are gone, nothing readable is left',
      async () => {
        await signOutThroughMenu(browser);
        const dump: StorageDump = await dumpStorage(browser);
        expect(dump.ownEntries).toEqual([]);
        expect(dump.keys).toEqual([]);
        expect(findSecretRuns(file, dump.blobs)).toEqual([]);
        const status = await browser.evaluate(
          async (url: string) => (await fetch(url, { headers: { Range: 'bytes=0-' } })).status,
          song.streamUrl,
        );
        expect(status, 'offline, the stream is no longer served').toBe(504);
        await browser.reload();
        expect((await app.rows()).length, 'offline, no library from the worker').toBe(0);
      },
    );
    finish();
  } finally {
    await server.close();
  }
}
