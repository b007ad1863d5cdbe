import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { chunkCount } from '../../../sw/chunks.ts';
import type { BrowserAdapter } from '../adapters/types.ts';
import { fetchAllSongs } from '../lib/catalog.ts';
import { listCachedChunks } from '../lib/chunk-caches.ts';
import { ensureControlled } from '../lib/service-worker.ts';
import { signInThroughForm } from '../lib/sign-in.ts';
import { startTapedeckServer } from '../lib/tapedeck-server.ts';
import { waitFor } from '../lib/wait.ts';
import { createToneWav } from '../lib/wav.ts';
import { createChecks } from './checks.ts';
import { probeFormat } from './formats.ts';

/**
 * Kept whoever plays it (issue 14): a detached `new Audio(streamUrl)` (not the app's player, so no
 * NOW_PLAYING) plays a long song for 3 s; the worker alone must then hold the whole song within
 * 10 s, and with the server stopped it plays from 80 %. The song is a 9.7 MB WAV (110 s): a media
 * element reads only part of it in 3 s.
 */
export async function runDetachedFill(browser: BrowserAdapter, clientDir: string): Promise<void> {
  const music = mkdtempSync(join(tmpdir(), 'tapedeck-music-'));
  mkdirSync(join(music, 'Test Artist', 'Long Album'), { recursive: true });
  writeFileSync(
    join(music, 'Test Artist', 'Long Album', '01 - Long Tone.wav'),
    createToneWav(110, 44_100),
  );
  const server = await startTapedeckServer({ musicDir: music, env: { CLIENT_DIR: clientDir } });
  const { step, check, finish } = createChecks(browser);
  try {
    const [song] = await fetchAllSongs(server);
    if (!song) throw new Error('the long song was not scanned');
    const chunks = chunkCount(song.size);

    await step('a detached <audio> plays the song for 3 s', async () => {
      await signInThroughForm(browser, server);
      await ensureControlled(browser, 30_000);
      const probe = await browser.evaluate(probeFormat, song.streamUrl, song.mimeType, 3, 20_000);
      expect(probe, JSON.stringify(probe)).toMatchObject({ played: true });
    });
    await step('within 10 s the worker holds every chunk', async () => {
      await waitFor(
        async () =>
          (await listCachedChunks(browser)).filter((c) => c.id === song.id).length >= chunks,
        {
          timeoutMs: 10_000,
          intervalMs: 250,
          message: `all ${chunks} chunks of ${song.id} cached`,
        },
      );
    });
    await step('stop the server', () => server.stop());
    await check('offline, a detached <audio> plays it from 80 %', async () => {
      const start = song.duration * 0.8;
      const probe = await browser.evaluate(
        probeFormat,
        `${song.streamUrl}?offline`,
        song.mimeType,
        1,
        15_000,
        start,
      );
      expect(probe, JSON.stringify(probe)).toMatchObject({ played: true });
    });
    finish();
  } finally {
    await server.close();
    rmSync(music, { recursive: true, force: true });
  }
}
