import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlayQueue } from '../../api/user-library/types.ts';
import { fetchSong } from '../lib/api.ts';
import { afterFirstScreen } from '../lib/first-screen-shown.ts';
import type { Song } from '../lib/library-types.ts';
import type { KeyValueStore } from '../lib/local-store.ts';
import { fetchQueue, putQueue } from '../lib/user-api.ts';

export interface QueueSnapshot {
  songIds: string[];
  index: number;
  /** Seconds into the current song. */
  position: number;
  playing: boolean;
}

export interface ResumeOffer {
  queue: PlayQueue;
  /** The song it was at. */
  song: Song;
  /** Saved by another device (or this one's last change did not reach the server). */
  elsewhere: boolean;
}

const SAVE_DELAY_MS = 2000;
/** While playing, the position is saved this often at most. */
const POSITION_EVERY_S = 30;
/** Songs loaded from the current one on when picking up a queue. */
const RESUME_SONGS = 100;
export const QUEUE_SENT_KEY = 'tapedeck-queue-sent';

/**
 * The play queue follows the user: what plays here is saved to the server shortly after it
 * changes (the songs, the current one, the position on pause and every 30 s), and at start a queue
 * saved elsewhere (another device, another session) is offered: "Pick up where you left off".
 * An empty player never overwrites the queue saved on the server.
 */
export class QueueSync implements ReactiveController {
  offer: ResumeOffer | null = null;
  private readonly _host: ReactiveControllerHost;
  private readonly _store: () => KeyValueStore | null;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _latest: QueueSnapshot | null = null;
  private _signature = '';
  private _checked = false;

  constructor(host: ReactiveControllerHost, store: () => KeyValueStore | null) {
    this._host = host;
    this._store = store;
    host.addController(this);
  }

  hostConnected(): void {}
  hostDisconnected(): void {
    clearTimeout(this._timer);
  }

  /** What the player holds now (from every shell update): saved when it changed enough. */
  follow(snapshot: QueueSnapshot): void {
    if (snapshot.songIds.length === 0) return;
    const where = snapshot.playing
      ? Math.floor(snapshot.position / POSITION_EVERY_S)
      : Math.round(snapshot.position);
    const signature = `${snapshot.songIds.join(',')}|${snapshot.index}|${snapshot.playing}|${where}`;
    this._latest = snapshot;
    if (signature === this._signature) return;
    this._signature = signature;
    if (this.offer) this.dismiss(); // playing something else here answers the offer
    clearTimeout(this._timer);
    this._timer = setTimeout(() => void this._save(), SAVE_DELAY_MS);
  }

  /** Once, when the server is first reachable: is there a queue from elsewhere to offer? */
  async check(playingHere: boolean): Promise<void> {
    if (this._checked) return;
    this._checked = true;
    await afterFirstScreen();
    const queue = await fetchQueue().catch(() => null);
    const id = queue?.songIds[queue.index];
    if (!queue || !id || playingHere || this._latest) return;
    const song = await fetchSong(id).catch(() => null);
    if (!song || this._latest) return;
    // What this device saved last is offered too (the tab was closed), only said differently.
    this.offer = {
      queue,
      song,
      elsewhere: this._store()?.getItem(QUEUE_SENT_KEY) !== keyOf(queue),
    };
    this._host.requestUpdate();
  }

  dismiss(): void {
    this.offer = null;
    this._host.requestUpdate();
  }

  /** The offered queue's songs from the current one on, and where to start; null if gone. */
  async resume(): Promise<{ songs: Song[]; position: number } | null> {
    const offer = this.offer;
    this.dismiss();
    if (!offer) return null;
    const ids = offer.queue.songIds.slice(offer.queue.index, offer.queue.index + RESUME_SONGS);
    const unique = [...new Set(ids)];
    const found = new Map<string, Song>();
    for (let i = 0; i < unique.length; i += 6) {
      const batch = await Promise.all(
        unique.slice(i, i + 6).map((id) => fetchSong(id).catch(() => null)),
      );
      for (const song of batch) if (song) found.set(song.id, song);
    }
    const songs = ids.flatMap((id) => found.get(id) ?? []);
    return songs.length > 0 ? { songs, position: offer.queue.position } : null;
  }

  private async _save(): Promise<void> {
    const snapshot = this._latest;
    if (!snapshot) return;
    const queue = {
      songIds: snapshot.songIds,
      index: snapshot.index,
      position: Math.max(0, snapshot.position),
    };
    try {
      await putQueue(queue);
      this._store()?.setItem(QUEUE_SENT_KEY, keyOf(queue));
    } catch {
      this._signature = ''; // offline or refused: try again with the next change
    }
  }
}

/** A short fingerprint of a queue (FNV-1a): localStorage keeps it, not 10 000 ids. */
function keyOf(queue: { songIds: string[]; index: number }): string {
  const text = `${queue.index}:${queue.songIds.join(',')}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${queue.songIds.length}-${(hash >>> 0).toString(36)}`;
}
