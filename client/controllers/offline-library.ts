import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OfflineState } from '../../sw/protocol.ts';
import { fetchSong } from '../lib/api.ts';
import { memoryStore } from '../lib/kv-store.ts';
import type { Song } from '../lib/library-types.ts';
import { OfflineSongs } from '../lib/offline-songs.ts';

/** Details asked for at once (through the worker: offline they come from its sealed copies). */
const CONCURRENCY = 6;

/**
 * Keeps `OfflineSongs` in step with the worker: songs are remembered when they are played or
 * downloaded, forgotten when the worker drops them, and looked up when it holds some we have no
 * details for. The details live in memory only: nothing readable is left on the device (issue
 * 14). Each kept song's `/api/songs/:id` goes through the worker when it is remembered, so the
 * worker keeps it sealed, and offline, after a reload, the details come back from there.
 */
export class OfflineLibrary implements ReactiveController {
  readonly store: OfflineSongs;
  private readonly _host: ReactiveControllerHost;
  private readonly _asked = new Set<string>();

  constructor(host: ReactiveControllerHost) {
    this._host = host;
    this.store = new OfflineSongs(memoryStore(), () => host.requestUpdate());
    host.addController(this);
  }

  hostConnected(): void {}

  get songs(): ReadonlyMap<string, Song> {
    return this.store.songs;
  }

  /** A song is about to be kept (played, downloaded): its details go through the worker too. */
  remember(song: Song): void {
    this.store.remember([song]);
    void fetchSong(song.id).catch(() => null);
  }

  /** Back online: ask again for the details that could not be had. */
  retry(): void {
    this._asked.clear();
  }

  /** The worker's states changed (and are complete): follow them, online or offline. */
  async follow(states: ReadonlyMap<string, OfflineState>): Promise<void> {
    await this.store.ready;
    const missing = this.store.sync(states).filter((id) => !this._asked.has(id));
    for (const id of missing) this._asked.add(id);
    for (let i = 0; i < missing.length; i += CONCURRENCY) {
      const batch = missing.slice(i, i + CONCURRENCY);
      const found = await Promise.all(batch.map((id) => fetchSong(id).catch(() => null)));
      this.store.remember(found.filter((song): song is Song => song !== null));
      this._host.requestUpdate();
    }
  }
}
