/** A play counts after half the song or four minutes of listening, whichever comes first. */
export const PLAY_AFTER_S = 240;

/** The longest step between two clock readings that counts as listening (not a seek). */
const MAX_STEP_S = 2;

/**
 * How long the current song has really been listened to: the sum of the small forward steps of
 * the playback clock while playing, so seeking ahead does not count. Pure: fed by the audio
 * element's events, it says once per load when the play should be recorded.
 */
export class ListenTracker {
  private _songId: string | null = null;
  private _listened = 0;
  private _last: number | null = null;
  private _startedAt = 0;
  private _recorded = false;

  /** A new song is loaded (or the same one again from the start). */
  load(songId: string | null): void {
    this._songId = songId;
    this._listened = 0;
    this._last = null;
    this._recorded = false;
  }

  /** The clock reads `time` while playing, at wall time `now` (ms). */
  tick(time: number, now: number): void {
    if (this._songId === null) return;
    if (this._last === null) {
      if (this._listened === 0) this._startedAt = now;
    } else {
      const step = time - this._last;
      if (step > 0 && step <= MAX_STEP_S) this._listened += step;
    }
    this._last = time;
  }

  /** Paused, seeked or waiting: the next reading starts a new stretch. */
  interrupt(): void {
    this._last = null;
  }

  /** The play to record now (once per load), or null: `playedAt` is when listening began. */
  due(duration: number): { songId: string; playedAt: number } | null {
    if (this._recorded || this._songId === null) return null;
    const needed =
      Number.isFinite(duration) && duration > 0
        ? Math.min(duration / 2, PLAY_AFTER_S)
        : PLAY_AFTER_S;
    if (this._listened < needed) return null;
    this._recorded = true;
    return { songId: this._songId, playedAt: this._startedAt };
  }
}
