import { describe, expect, it } from 'vitest';
import { ListenTracker } from '../../client/lib/listen-tracker.ts';

/** Plays `from`…`to` seconds in 0.25 s steps starting at wall time `at` (ms). */
function listen(tracker: ListenTracker, from: number, to: number, at = 0) {
  for (let t = from; t <= to + 1e-9; t += 0.25) tracker.tick(t, at + (t - from) * 1000);
}

describe('ListenTracker (a play counts after half the song or 4 minutes)', () => {
  it('records a short song once, after half of it was heard, with the time listening began', () => {
    const tracker = new ListenTracker();
    tracker.load('a');
    listen(tracker, 0, 59, 5000);
    expect(tracker.due(120)).toBeNull();
    listen(tracker, 59, 61, 64_000);
    expect(tracker.due(120)).toEqual({ songId: 'a', playedAt: 5000 });
    listen(tracker, 61, 120);
    expect(tracker.due(120)).toBeNull(); // once per load
  });

  it('caps the listening needed at 4 minutes for long songs', () => {
    const tracker = new ListenTracker();
    tracker.load('long');
    listen(tracker, 0, 239);
    expect(tracker.due(3600)).toBeNull();
    listen(tracker, 239, 241);
    expect(tracker.due(3600)?.songId).toBe('long');
  });

  it('does not count seeking ahead as listening', () => {
    const tracker = new ListenTracker();
    tracker.load('a');
    listen(tracker, 0, 10);
    tracker.tick(90, 11_000); // a jump forward: not heard
    listen(tracker, 90, 100);
    expect(tracker.due(120)).toBeNull();
    tracker.interrupt(); // paused, then resumed elsewhere
    listen(tracker, 20, 61);
    expect(tracker.due(120)?.songId).toBe('a');
  });

  it('starts over when another song loads', () => {
    const tracker = new ListenTracker();
    tracker.load('a');
    listen(tracker, 0, 50);
    tracker.load('b');
    listen(tracker, 0, 20);
    expect(tracker.due(100)).toBeNull();
  });
});
