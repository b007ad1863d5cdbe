/**
 * Runs in the page (passed to `page.evaluate`): self-contained, JSON in and out, every wait
 * bounded. Times are `performance.now()` deltas taken in the page, so no CDP round trip is inside
 * a measurement.
 */

export interface PlayProbeResult {
  /** From the click event to `playing`, and to `currentTime` moving past where `playing` found
   * it (polled every ~4 ms); null when it did not happen within the bound. */
  playingMs: number | null;
  progressMs: number | null;
  /** The first `timeupdate` after `playing`. */
  timeupdateMs: number | null;
  clicked: boolean;
}

/** Arms a probe on the next click anywhere in the page; read it with `readPlayProbe`. */
export function armPlayProbe(timeoutMs: number): void {
  const audio = document.getElementById('td-audio') as HTMLAudioElement;
  const probe = { click: -1, playing: -1, timeupdate: -1, progress: -1 };
  const state = window as unknown as { __tdPlayProbe: Promise<PlayProbeResult> };
  state.__tdPlayProbe = new Promise((resolve) => {
    const finish = () => {
      audio.removeEventListener('playing', onPlaying);
      audio.removeEventListener('timeupdate', onTimeupdate);
      const since = (at: number) => (at < 0 || probe.click < 0 ? null : at - probe.click);
      resolve({
        playingMs: since(probe.playing),
        progressMs: since(probe.progress),
        timeupdateMs: since(probe.timeupdate),
        clicked: probe.click >= 0,
      });
    };
    const armed = performance.now();
    let startedAt = -1;
    const poll = () => {
      const now = performance.now();
      if (probe.progress < 0 && probe.playing >= 0 && audio.currentTime > startedAt) {
        probe.progress = now;
      }
      if ((probe.progress >= 0 && probe.timeupdate >= 0) || now - armed > timeoutMs) {
        return finish();
      }
      setTimeout(poll, 2);
    };
    const onPlaying = () => {
      if (probe.playing >= 0) return;
      probe.playing = performance.now();
      startedAt = audio.currentTime;
    };
    const onTimeupdate = () => {
      if (probe.playing >= 0 && probe.timeupdate < 0) probe.timeupdate = performance.now();
    };
    audio.addEventListener('playing', onPlaying);
    audio.addEventListener('timeupdate', onTimeupdate);
    // The event's own timestamp: when the input reached the page, before any app code ran.
    window.addEventListener('click', (event) => (probe.click = event.timeStamp), {
      capture: true,
      once: true,
    });
    poll();
  });
}

export function readPlayProbe(): Promise<PlayProbeResult> {
  return (window as unknown as { __tdPlayProbe: Promise<PlayProbeResult> }).__tdPlayProbe;
}
