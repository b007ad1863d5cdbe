/**
 * Tells the page about a song's offline state (SONG_STATE) whenever it changes, at most every
 * `interval` ms per song; an `immediate` report (download started or ended) goes out at once.
 */
import type { OfflineState, WorkerToPage } from './protocol.ts';

export interface StateReporter {
  changed(id: string, immediate?: boolean): void;
  /** Sends every report still waiting on its timer (for tests and shutdown). */
  flush(): void;
}

export interface StateReporterDeps {
  stateOf: (id: string) => OfflineState;
  broadcast: (message: WorkerToPage) => void;
  interval?: number;
  now?: () => number;
}

export function createStateReporter({
  stateOf,
  broadcast,
  interval = 250,
  now = Date.now,
}: StateReporterDeps): StateReporter {
  const lastSent = new Map<string, number>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const send = (id: string) => {
    const timer = timers.get(id);
    if (timer !== undefined) clearTimeout(timer);
    timers.delete(id);
    lastSent.set(id, now());
    broadcast({ type: 'SONG_STATE', state: stateOf(id) });
  };

  return {
    changed(id, immediate = false) {
      const wait = (lastSent.get(id) ?? Number.NEGATIVE_INFINITY) + interval - now();
      if (immediate || wait <= 0) send(id);
      else if (!timers.has(id))
        timers.set(
          id,
          setTimeout(() => send(id), wait),
        );
    },
    flush() {
      for (const id of [...timers.keys()]) send(id);
    },
  };
}
