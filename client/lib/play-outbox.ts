import { ApiError } from './api.ts';
import type { AsyncStore } from './kv-store.ts';

export interface PendingPlay {
  songId: string;
  /** ISO 8601: the listener's own time. */
  playedAt: string;
}

/** Plays kept at most while offline (a long trip); the oldest go first past this. */
const MAX_PENDING = 2000;

/**
 * Plays waiting to reach the server, kept in IndexedDB so that plays made offline (or with the
 * tab closed before they were sent) are sent, with their own time, when the server is back.
 * A play the server refuses (400: the song left the library, a time it rejects) is dropped;
 * one that cannot be sent (network, 5xx, 401) waits for the next flush.
 */
export class PlayOutbox {
  private readonly _store: AsyncStore;
  private readonly _send: (play: PendingPlay) => Promise<void>;
  private _key: string;
  private _flushing: Promise<void> | null = null;
  private _queue: Promise<unknown> = Promise.resolve();

  constructor(store: AsyncStore, send: (play: PendingPlay) => Promise<void>, user = 'default') {
    this._store = store;
    this._send = send;
    this._key = `plays:${user}`;
  }

  useUser(user: string): void {
    this._key = `plays:${user}`;
  }

  /** Keep `play`, then try to send everything waiting. */
  async add(play: PendingPlay): Promise<void> {
    await this._update((pending) => [...pending, play].slice(-MAX_PENDING));
    await this.flush();
  }

  pending(): Promise<PendingPlay[]> {
    return this._store.get<PendingPlay[]>(this._key).then((p) => p ?? []);
  }

  /** Send what waits, oldest first, stopping at the first play that cannot be sent now. */
  flush(): Promise<void> {
    this._flushing ??= this._flushAll().finally(() => {
      this._flushing = null;
    });
    return this._flushing;
  }

  private async _flushAll(): Promise<void> {
    for (;;) {
      const [first] = await this.pending();
      if (!first) return;
      try {
        await this._send(first);
      } catch (error) {
        const refused =
          error instanceof ApiError &&
          error.status >= 400 &&
          error.status < 500 &&
          error.status !== 401 &&
          error.status !== 429;
        if (!refused) return;
      }
      await this._update((pending) => {
        const at = pending.findIndex((p) => same(p, first));
        return at < 0 ? pending : [...pending.slice(0, at), ...pending.slice(at + 1)];
      });
    }
  }

  /** Read-modify-write, one at a time. */
  private _update(change: (pending: PendingPlay[]) => PendingPlay[]): Promise<void> {
    const next = this._queue.then(async () => {
      await this._store.set(this._key, change(await this.pending()));
    });
    this._queue = next.catch(() => {});
    return next;
  }
}

function same(a: PendingPlay, b: PendingPlay): boolean {
  return a.songId === b.songId && a.playedAt === b.playedAt;
}
