import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OfflineState } from '../../sw/protocol.ts';
import { fetchSong } from '../lib/api.ts';
import type { AsyncStore } from '../lib/kv-store.ts';
import type { Song } from '../lib/library-types.ts';
import { OfflineSongs } from '../lib/offline-songs.ts';

/** Details looked up per states change, at most (songs kept before this list existed). */
const LOOKUPS = 60;

/**
 * Keeps `OfflineSongs` in step with the worker: songs are remembered when they are played or
 * downloaded, forgotten when the worker drops them, and looked up when it holds some we have no
 * details for. The host re-renders when the list changes.
 */
export class OfflineLibrary implements ReactiveController {
  readonly store: OfflineSongs;
  private readonly _host: ReactiveControllerHost;
  private readonly _asked = new Set<string>();

  constructor(host: ReactiveControllerHost, kv: AsyncStore) {
    this._host = host;
    this.store = new OfflineSongs(kv, () => host.requestUpdate());
    host.addController(this);
  }

  hostConnected(): void {}

  get songs(): ReadonlyMap<string, Song> {
    return this.store.songs;
  }

  /** A song is about to be kept (played, downloaded). */
  remember(song: Song): void {
    this.store.remember([song]);
  }

  /** The worker's states changed (and are complete): follow them. */
  async follow(states: ReadonlyMap<string, OfflineState>, online: boolean): Promise<void> {
    await this.store.ready;
    const missing = this.store.sync(states).filter((id) => !this._asked.has(id));
    if (!online || missing.length === 0) return;
    const batch = missing.slice(0, LOOKUPS);
    for (const id of batch) this._asked.add(id);
    const found = await Promise.all(batch.map((id) => fetchSong(id).catch(() => null)));
    this.store.remember(found.filter((song): song is Song => song !== null));
    this._host.requestUpdate();
  }
}
