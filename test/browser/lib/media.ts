import type { BrowserAdapter } from '../adapters/types.ts';
import { waitFor } from './wait.ts';

export interface AudioState {
  found: boolean;
  src: string;
  currentTime: number;
  duration: number;
  paused: boolean;
  ended: boolean;
  readyState: number;
  networkState: number;
  error: string | null;
}

/** Page function: a JSON snapshot of the `<audio>` element with the given id. */
export const readAudio = (id: string): AudioState => {
  const audio = document.getElementById(id) as HTMLAudioElement | null;
  if (!audio) {
    return {
      found: false,
      src: '',
      currentTime: 0,
      duration: 0,
      paused: true,
      ended: false,
      readyState: 0,
      networkState: 0,
      error: null,
    };
  }
  return {
    found: true,
    src: audio.currentSrc || audio.src,
    currentTime: audio.currentTime,
    duration: Number.isFinite(audio.duration) ? audio.duration : -1,
    paused: audio.paused,
    ended: audio.ended,
    readyState: audio.readyState,
    networkState: audio.networkState,
    error: audio.error ? `code ${audio.error.code}: ${audio.error.message}` : null,
  };
};

/** Page function: optionally sets `src`, optionally seeks, then calls play() (not awaited: a
 * stalled play() must not hold the evaluate; progress is observed with `waitForPlayback`). */
export const startAudio = (id: string, src: string | null, seekTo: number | null) => {
  const audio = document.getElementById(id) as HTMLAudioElement | null;
  if (!audio) throw new Error(`no <audio id="${id}">`);
  if (src !== null) audio.src = src;
  if (seekTo !== null) audio.currentTime = seekTo;
  audio.play().catch((error) => {
    (audio as HTMLAudioElement & { playRejection?: string }).playRejection = String(error);
  });
  return true;
};

/** Page function: sets currentTime (a seek as the player does it). */
export const seekAudio = (id: string, time: number) => {
  const audio = document.getElementById(id) as HTMLAudioElement | null;
  if (!audio) throw new Error(`no <audio id="${id}">`);
  audio.currentTime = time;
  return audio.currentTime;
};

/**
 * Waits until the element plays past `pastSeconds`. Fails fast with the element's state on a media
 * error, and after `timeoutMs` otherwise.
 */
export async function waitForPlayback(
  browser: BrowserAdapter,
  options: { id: string; pastSeconds: number; timeoutMs: number; what: string },
): Promise<AudioState> {
  const state = await waitFor(
    async () => {
      const audio = await browser.evaluate(readAudio, options.id);
      return audio.error || (audio.currentTime > options.pastSeconds && !audio.paused)
        ? audio
        : null;
    },
    {
      timeoutMs: options.timeoutMs,
      intervalMs: 250,
      message: `[${browser.name}] ${options.what}: <audio> playing past ${options.pastSeconds} s`,
    },
  ).catch(async (error: unknown) => {
    const last = await browser.evaluate(readAudio, options.id).catch(() => null);
    throw new Error(
      `${String(error)}\naudio: ${JSON.stringify(last)}\nlogs: ${browser.logs().slice(-20).join('\n')}`,
    );
  });
  if (state.error) {
    throw new Error(
      `[${browser.name}] ${options.what}: media error ${state.error}; audio ${JSON.stringify(state)}`,
    );
  }
  return state;
}
