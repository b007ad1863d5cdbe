/**
 * Whoever plays a song keeps it: the first media answer for a song (a request whose destination is
 * audio or video: the app's player, a detached `new Audio()`, another tab) starts the background
 * fill of the rest, once per song at a time, within the budget. The page's NOW_PLAYING stays a
 * hint. Failures are quiet: the worker started it, the page did not ask.
 */
import type { Downloader } from './downloader.ts';
import type { Keyring } from './keyring.ts';
import { songIdFromPath } from './stream-cache.ts';

export interface AutoFillDeps {
  downloader: Downloader;
  keyring: Keyring;
  /** Fetches the offline key when none is held (a worker that never got it asks). */
  wantKey: () => Promise<void>;
}

/** Returns the function to call with the URL of a media request answered with a success. */
export function createAutoFill(deps: AutoFillDeps): (url: string) => Promise<void> {
  return async (url) => {
    const id = songIdFromPath(new URL(url).pathname);
    if (id === null || deps.downloader.isDownloading(id)) return;
    if (!deps.keyring.current()) await deps.wantKey();
    await deps.downloader.fill(id, { quiet: true });
  };
}
