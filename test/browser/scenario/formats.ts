import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserAdapter } from '../adapters/types.ts';
import type { Song } from '../lib/catalog.ts';

export interface FormatResult {
  id: string;
  title: string;
  mimeType: string;
  /** `canPlayType(mimeType)`: '', 'maybe' or 'probably'. */
  canPlayType: string;
  /** Played at least `seconds` through the page (and its worker). */
  played: boolean;
  error: string | null;
}

export const SUPPORT_DIR = fileURLToPath(new URL('../support', import.meta.url));

/**
 * Page function: asks the engine about `mimeType`, and if it may play it, plays `url` for `seconds`
 * from `startAt` on a detached `<audio>` (the app's own player is left alone).
 */
export const probeFormat = async (
  url: string,
  mimeType: string,
  seconds: number,
  timeoutMs: number,
  startAt = 0,
) => {
  const audio = new Audio();
  audio.crossOrigin = 'anonymous';
  const canPlayType = audio.canPlayType(mimeType);
  if (!canPlayType) return { canPlayType, played: false, error: null };
  audio.src = url;
  if (startAt > 0) {
    // Seek once the duration is known, as a player does (WebKit ignores an earlier start position).
    await new Promise((resolve) => {
      if (audio.readyState >= 1) resolve(null);
      audio.addEventListener('loadedmetadata', resolve, { once: true });
      audio.addEventListener('error', resolve, { once: true });
      setTimeout(resolve, timeoutMs / 2);
    });
    audio.currentTime = startAt;
  }
  const target = startAt + seconds;
  const started = Date.now();
  let error: string | null = null;
  audio.play().catch((e) => {
    error = `play(): ${String(e)}`;
  });
  while (Date.now() - started < timeoutMs && audio.currentTime < target && !audio.error && !error) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const played = audio.currentTime >= target;
  if (audio.error) error = `code ${audio.error.code}: ${audio.error.message}`;
  else if (!played && !error)
    error = `reached ${audio.currentTime.toFixed(2)} s of ${target} s in ${Date.now() - started} ms`;
  audio.pause();
  audio.removeAttribute('src');
  audio.load();
  return { canPlayType, played, error };
};

/** Probes every song in the catalog in this engine. */
export async function probeFormats(
  browser: BrowserAdapter,
  songs: Song[],
): Promise<FormatResult[]> {
  const results: FormatResult[] = [];
  for (const song of songs) {
    let probe = await browser.evaluate(probeFormat, song.streamUrl, song.mimeType, 1, 10_000);
    if (probe.canPlayType !== '' && !probe.played) {
      // WebKitGTK's GStreamer pipeline now and then stalls a fresh element under load (seen with
      // FLAC and MP3 after 0.1 s of a busy full-suite run, never alone): a listener presses play
      // again, and so does the probe, once, on a new element. A format it cannot play fails twice.
      const first = probe.error;
      probe = await browser.evaluate(probeFormat, song.streamUrl, song.mimeType, 1, 10_000);
      console.warn(`[${song.mimeType}] first attempt: ${first}; again: ${probe.error ?? 'played'}`);
    }
    results.push({ id: song.id, title: song.title, mimeType: song.mimeType, ...probe });
  }
  return results.sort(
    (a, b) => a.mimeType.localeCompare(b.mimeType) || a.title.localeCompare(b.title),
  );
}

/** Writes test/browser/support/<engine>.json for the README's support table. */
export function writeSupport(engine: string, version: string, results: FormatResult[]): string {
  const path = join(SUPPORT_DIR, `${engine}.json`);
  writeFileSync(path, `${JSON.stringify({ engine, version, songs: results }, null, 2)}\n`);
  return path;
}
