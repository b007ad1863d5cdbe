import { expect } from 'vitest';
import type { BrowserAdapter } from '../adapters/types.ts';
import type { App } from '../lib/app.ts';
import type { Song } from '../lib/catalog.ts';
import { readAudio } from '../lib/media.ts';
import { waitFor } from '../lib/wait.ts';
import { probeFormat } from './formats.ts';

/**
 * Offline, a song never played must not play and must fail fast: in the UI (disabled play button,
 * a player error or a media error within seconds) and in the worker (a prompt error answer, so a
 * media element errors instead of hanging). Returns what happened, for the log.
 */
export async function checkUnplayedOffline(
  browser: BrowserAdapter,
  app: App,
  song: Song,
): Promise<string> {
  const outcome = await tryInUi(browser, app, song);
  const answer = await browser.evaluate(timedFetch, song.streamUrl, 'bytes=0-', 5000);
  const described = `${song.streamUrl} (Range: bytes=0-): ${JSON.stringify(answer)}`;
  expect(answer.ms, `worker answer time for uncached ${described}`).toBeLessThan(5000);
  expect(answer.status === 0 || answer.status >= 400, `error answer for ${described}`).toBe(true);
  const media = await browser.evaluate(probeFormat, song.streamUrl, song.mimeType, 1, 6000);
  expect(media.played, 'an uncached song must not play offline').toBe(false);
  expect(media.error ?? '', `detached <audio> on uncached song: ${JSON.stringify(media)}`).toMatch(
    /^(code|play\(\))/,
  );
  const status = answer.status || answer.error;
  return `${outcome}; worker answered ${status} in ${answer.ms} ms; <audio> ${media.error}`;
}

async function tryInUi(browser: BrowserAdapter, app: App, song: Song): Promise<string> {
  const row = await app.row(song.id);
  await app.clickPlay(song.id);
  if (row?.playDisabled) {
    const audio = await browser.evaluate(readAudio, 'td-audio');
    const loaded = audio.src ? new URL(audio.src).pathname : '';
    expect(loaded, 'a disabled play button must not load the song').not.toBe(song.streamUrl);
    return 'play button disabled';
  }
  return waitFor(
    async () => {
      const error = await app.playerError();
      if (error) return `player-error: ${error}`;
      const audio = await browser.evaluate(readAudio, 'td-audio');
      return audio.error ? `audio error: ${audio.error}` : null;
    },
    { timeoutMs: 6000, intervalMs: 250, message: `[${browser.name}] an error for ${song.id}` },
  );
}

/** Page function: one fetch with a deadline; status 0 and the error when it rejects. */
const timedFetch = async (url: string, range: string, timeoutMs: number) => {
  const started = performance.now();
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const response = await fetch(url, { headers: { Range: range }, signal: abort.signal });
    await response.arrayBuffer();
    return { status: response.status, error: null, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 0, error: String(error), ms: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
};
