import type { OfflineState } from '../../sw/protocol.ts';
import { shallowEqual } from './equal.ts';
import type { AsyncStore } from './kv-store.ts';
import type { Song } from './library-types.ts';

const SAVE_DELAY_MS = 500;

/**
 * What we know about the songs the worker keeps offline (title, album, artist…), in the store given
 * (the app gives a memory one: see offline-library.ts), so that offline every view can be rebuilt
 * from them (local-library.ts): the worker's song index only knows ids and bytes. Follows the worker's states: a song it drops is forgotten.
 */
export class OfflineSongs {
  /** By id. Replaced, never mutated, so views notice. */
  songs: ReadonlyMap<string, Song> = new Map();
  private readonly _store: AsyncStore;
  private _key: string;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _loaded: Promise<void>;
  private readonly _onChange: () => void;

  constructor(store: AsyncStore, onChange: () => void, user = 'default') {
    this._store = store;
    this._onChange = onChange;
    this._key = keyOf(user);
    this._loaded = this._load();
  }

  /** Resolves once the saved list is read. */
  get ready(): Promise<void> {
    return this._loaded;
  }

  /** Switch to another user's list (a different user on this browser starts with theirs). */
  async useUser(user: string): Promise<void> {
    if (keyOf(user) === this._key) return;
    await this._flush();
    this._key = keyOf(user);
    this.songs = new Map();
    this._loaded = this._load();
    await this._loaded;
  }

  /** Record `songs` that are (or are about to be) kept offline. */
  remember(songs: Iterable<Song>): void {
    let next: Map<string, Song> | null = null;
    for (const song of songs) {
      const known = (next ?? this.songs).get(song.id);
      if (known && shallowEqual(known, song)) continue;
      next ??= new Map(this.songs);
      next.set(song.id, song);
    }
    if (next) this._replace(next);
  }

  /**
   * Keep only songs the worker holds (`states`, once they are known). Returns the ids it holds that
   * we have no details for (kept before this list existed), for the caller to look up.
   */
  sync(states: ReadonlyMap<string, OfflineState>): string[] {
    let next: Map<string, Song> | null = null;
    for (const id of this.songs.keys()) {
      if (states.has(id)) continue;
      next ??= new Map(this.songs);
      next.delete(id);
    }
    if (next) this._replace(next);
    return [...states.keys()].filter((id) => !this.songs.has(id));
  }

  /** Forget everything (sign-out). */
  async clear(): Promise<void> {
    clearTimeout(this._timer);
    this._timer = undefined;
    this.songs = new Map();
    await this._store.delete(this._key);
    this._onChange();
  }

  private _replace(next: Map<string, Song>): void {
    this.songs = next;
    this._onChange();
    clearTimeout(this._timer);
    this._timer = setTimeout(() => void this._flush(), SAVE_DELAY_MS);
  }

  private async _flush(): Promise<void> {
    if (this._timer === undefined) return;
    clearTimeout(this._timer);
    this._timer = undefined;
    await this._store.set(this._key, [...this.songs.values()]);
  }

  private async _load(): Promise<void> {
    const key = this._key;
    const saved = await this._store.get<Song[]>(key);
    if (key !== this._key || !Array.isArray(saved) || saved.length === 0) return;
    const songs = new Map(saved.map((song) => [song.id, song]));
    for (const [id, song] of this.songs) songs.set(id, song); // learned while loading
    this.songs = songs;
    this._onChange();
  }
}

function keyOf(user: string): string {
  return `offline-songs:${user}`;
}
