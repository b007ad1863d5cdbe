/**
 * Runs in the page (passed to `page.evaluate`): self-contained, JSON in and out, every wait
 * bounded. Times are `performance.now()` deltas taken in the page, so no CDP round trip is inside
 * a measurement.
 */

export interface SeekTrialArgs {
  /** The stream URL with a query of its own, so neither Chromium's in-memory media cache nor its
   * HTTP cache holds anything of it (the worker keys its chunks on the path and ignores it). */
  url: string;
  /** Where in the not-yet-buffered part of the song to land, 0..1 (seeded in Node). */
  u: number;
  timeoutMs: number;
}

export interface SeekTrialResult {
  target: number;
  duration: number;
  /** Seconds of the song buffered (from 0) when the seek was made. */
  bufferedEnd: number;
  /** The target was already buffered (only when nothing of the song was left unbuffered). */
  inBuffer: boolean;
  /** From setting `currentTime` to `playing`, `seeked`, and `currentTime` moving past where the
   * seek landed; null when the event did not come within the bound. */
  playingMs: number | null;
  seekedMs: number | null;
  progressMs: number | null;
  error: string | null;
}

/** Loads `url` fresh, plays from 0 until `playing`, then seeks into the unbuffered part. */
export async function seekTrial(args: SeekTrialArgs): Promise<SeekTrialResult> {
  const audio = document.getElementById('td-audio') as HTMLAudioElement;
  const once = (type: string): Promise<number | null> =>
    new Promise((resolve) => {
      const done = (value: number | null) => {
        clearTimeout(timer);
        audio.removeEventListener(type, onEvent);
        resolve(value);
      };
      const onEvent = () => done(performance.now());
      const timer = setTimeout(() => done(null), args.timeoutMs);
      audio.addEventListener(type, onEvent);
    });
  const fail = (error: string): SeekTrialResult => ({
    target: 0,
    duration: audio.duration,
    bufferedEnd: 0,
    inBuffer: false,
    playingMs: null,
    seekedMs: null,
    progressMs: null,
    error,
  });

  audio.pause();
  audio.src = args.url;
  const started = once('playing');
  audio.play().catch(() => {});
  if ((await started) === null) return fail(`no playing after load (error ${audio.error?.code})`);

  // Land somewhere the element has not buffered, so the bytes come through the path measured.
  const duration = audio.duration;
  const lo = 5;
  const hi = Math.max(lo + 1, duration - 10);
  const gaps: Array<[number, number]> = [];
  let cursor = lo;
  for (let i = 0; i < audio.buffered.length; i++) {
    const start = Math.max(lo, audio.buffered.start(i));
    const end = Math.min(hi, audio.buffered.end(i));
    if (end <= start) continue;
    if (start > cursor) gaps.push([cursor, start]);
    cursor = Math.max(cursor, end);
  }
  if (cursor < hi) gaps.push([cursor, hi]);
  const free = gaps.reduce((sum, [a, b]) => sum + Math.max(0, b - a - 1), 0);
  let target = lo + args.u * (hi - lo);
  const inBuffer = free < 1;
  if (!inBuffer) {
    let left = args.u * free;
    for (const [a, b] of gaps) {
      const room = Math.max(0, b - a - 1);
      if (left <= room) {
        target = a + 0.5 + left;
        break;
      }
      left -= room;
    }
  }
  const bufferedEnd = audio.buffered.length > 0 ? audio.buffered.end(0) : 0;

  const playing = once('playing');
  const seeked = once('seeked');
  const t0 = performance.now();
  audio.currentTime = target;
  const progress = new Promise<number | null>((resolve) => {
    let landed: number | null = null;
    const poll = () => {
      const now = performance.now();
      if (!audio.seeking && !audio.paused) {
        if (landed === null) landed = audio.currentTime;
        else if (audio.currentTime > landed) return resolve(now);
      }
      if (now - t0 > args.timeoutMs) return resolve(null);
      setTimeout(poll, 2);
    };
    poll();
  });
  const [playingAt, seekedAt, progressAt] = await Promise.all([playing, seeked, progress]);
  audio.pause();
  const since = (at: number | null) => (at === null ? null : at - t0);
  return {
    target,
    duration,
    bufferedEnd,
    inBuffer,
    playingMs: since(playingAt),
    seekedMs: since(seekedAt),
    progressMs: since(progressAt),
    error: audio.error ? `media error ${audio.error.code}` : null,
  };
}
