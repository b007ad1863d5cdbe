import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  AUDIO_EVENTS,
  type AudioEvent,
  adoptAudioElement,
  restoreVolume,
  saveVolume,
} from '../lib/audio-element.ts';
import { canPlayMime } from '../lib/can-play.ts';
import { whenIdle } from '../lib/idle.ts';
import type { Song } from '../lib/library-types.ts';
import { type KeyValueStore, localStore } from '../lib/local-store.ts';
import { describeMediaError } from '../lib/media-error.ts';

/** What playback tells the service worker (SwBridge implements it). */
export interface PlaybackWorker {
  cacheSong(song: Song, pin: boolean): void;
  prefetchSong(song: Song): void;
  nowPlaying(id: string | null): void;
}

export interface PlaybackOptions {
  /** Whether a song can play now (offline, only songs kept on the device): next/previous skip others. */
  canPlay?: (song: Song) => boolean;
  /** Where the volume is remembered; localStorage when left out. */
  store?: KeyValueStore | null;
}

/** "Previous" restarts the song when we are further in than this. */
const RESTART_AFTER_S = 3;

/**
 * Owns the one `<audio id="td-audio">` (light DOM, appended to body) and the queue. Controls never
 * touch the element: the shell turns their `…-request` events into calls here, and the host
 * re-renders from this controller's state on every media event.
 */
export class PlaybackController implements ReactiveController {
  readonly audio: HTMLAudioElement;
  queue: readonly Song[] = [];
  /** Position of the current song in `queue`, -1 when nothing is loaded. */
  index = -1;
  /** Waiting for data while meant to be playing. */
  buffering = false;
  error: string | null = null;
  private readonly _host: ReactiveControllerHost;
  private readonly _worker: PlaybackWorker;
  private readonly _store: () => KeyValueStore | null;
  private readonly _canPlay: (song: Song) => boolean;
  /** The saved volume was applied, or the user chose one: never apply it (again). */
  private _volumeSettled = false;
  private _cancelRestore: (() => void) | undefined;
  /** The song the worker was told about for the current load (once per load, not per resume). */
  private _reported: string | null = null;
  private readonly _onEvent = (event: Event) => this._handle(event.type as AudioEvent);

  constructor(host: ReactiveControllerHost, worker: PlaybackWorker, options: PlaybackOptions = {}) {
    const { store } = options;
    this._host = host;
    this._worker = worker;
    this._store = store === undefined ? localStore : () => store;
    this._canPlay = options.canPlay ?? (() => true);
    this.audio = adoptAudioElement();
    host.addController(this);
  }

  get current(): Song | null {
    return this.queue[this.index] ?? null;
  }
  get playing(): boolean {
    return !this.audio.paused;
  }
  get currentTime(): number {
    return this.audio.currentTime;
  }
  get duration(): number {
    const d = this.audio.duration;
    return Number.isFinite(d) && d > 0 ? d : (this.current?.duration ?? 0);
  }
  get volume(): number {
    return this.audio.volume;
  }
  get muted(): boolean {
    return this.audio.muted;
  }
  get hasNext(): boolean {
    return this._step(1) >= 0;
  }

  hostConnected(): void {
    if (!this.audio.isConnected) document.body.append(this.audio);
    for (const type of AUDIO_EVENTS) this.audio.addEventListener(type, this._onEvent);
    this._cancelRestore = whenIdle(() => this._settleVolume());
  }
  hostDisconnected(): void {
    this._cancelRestore?.();
    for (const type of AUDIO_EVENTS) this.audio.removeEventListener(type, this._onEvent);
    this.audio.pause();
    this.audio.remove();
  }

  /** Replace the queue and start playing `songs[index]` (from `startAt` seconds: a resumed queue). */
  playQueue(songs: readonly Song[], index: number, startAt = 0): void {
    this.queue = [...songs];
    this._load(index, true, startAt);
  }
  jumpTo(index: number): void {
    if (index >= 0 && index < this.queue.length) this._load(index, true);
  }
  play(): void {
    if (!this.current) this._load(0, true);
    else if (this.audio.error) this._load(this.index, true, this.audio.currentTime);
    else this._start();
  }
  pause(): void {
    this.audio.pause();
  }
  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }
  seek(time: number): void {
    if (!this.current) return;
    this.audio.currentTime = Math.max(0, Math.min(time, this.duration || time));
    this._host.requestUpdate();
  }
  seekBy(delta: number): void {
    this.seek(this.audio.currentTime + delta);
  }
  next(): void {
    const index = this._step(1);
    if (index >= 0) this._load(index, true);
  }
  previous(): void {
    const index = this._step(-1);
    if (this.audio.currentTime > RESTART_AFTER_S || index < 0) this.seek(0);
    else this._load(index, true);
  }
  setVolume(volume: number): void {
    this._volumeSettled = true; // the user's choice wins over the one remembered
    this.audio.volume = Math.max(0, Math.min(1, volume));
    if (volume > 0) this.audio.muted = false;
  }
  setMuted(muted: boolean): void {
    this._settleVolume();
    this.audio.muted = muted;
  }

  private _load(index: number, autoplay: boolean, startAt = 0): void {
    const song = this.queue[index];
    if (!song) return;
    this._settleVolume();
    this.index = index;
    this.error = null;
    this._reported = null;
    this.audio.src = song.streamUrl;
    // Before metadata this sets the default start position, which is what a retry wants.
    if (startAt > 0) this.audio.currentTime = startAt;
    if (autoplay) this._start();
    this._host.requestUpdate();
  }

  private _start(): void {
    this.buffering = this.audio.readyState < HTMLMediaElement.HAVE_FUTURE_DATA;
    this.audio.play().catch((error: DOMException) => {
      // AbortError: a newer load replaced this one. NotAllowedError: autoplay refused; stay paused.
      if (error.name !== 'AbortError') this.buffering = false;
      this._host.requestUpdate();
    });
  }

  private _handle(type: AudioEvent): void {
    const song = this.current;
    switch (type) {
      case 'playing':
        this.buffering = false;
        this.error = null;
        if (song && this._reported !== song.id) this._report(song);
        break;
      case 'waiting':
        this.buffering = !this.audio.paused;
        break;
      case 'pause':
      case 'canplay':
        if (this.audio.paused) this.buffering = false;
        break;
      case 'volumechange':
        if (this._volumeSettled) saveVolume(this._store(), this.audio.volume);
        break;
      case 'ended':
        if (this.hasNext) this.next();
        else this._worker.nowPlaying(null);
        break;
      case 'error':
        this.buffering = false;
        this.error = describeMediaError(
          this.audio.error,
          song,
          song ? canPlayMime(song.mimeType) : true,
          navigator.onLine,
        );
        break;
    }
    this._host.requestUpdate();
  }

  /** First 'playing' of a load: keep it offline, protect it from eviction, warm up the next song. */
  private _report(song: Song): void {
    this._reported = song.id;
    this._worker.cacheSong(song, false);
    this._worker.nowPlaying(song.id);
    const next = this.queue[this._step(1)];
    if (next) this._worker.prefetchSong(next);
  }

  /** Apply the remembered volume, once: off the start-up path, or before the first sound. */
  private _settleVolume(): void {
    if (this._volumeSettled) return;
    this._volumeSettled = true;
    restoreVolume(this.audio, this._store());
  }

  /** Index of the nearest playable song in `direction` from the current one, or -1. */
  private _step(direction: 1 | -1): number {
    if (this.index < 0) return -1;
    for (let i = this.index + direction; i >= 0 && i < this.queue.length; i += direction) {
      if (this._canPlay(this.queue[i]!)) return i;
    }
    return -1;
  }
}
