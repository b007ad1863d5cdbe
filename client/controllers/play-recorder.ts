import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AsyncStore } from '../lib/kv-store.ts';
import { ListenTracker } from '../lib/listen-tracker.ts';
import { PlayOutbox } from '../lib/play-outbox.ts';
import { postPlay } from '../lib/user-api.ts';

interface Playing {
  readonly audio: HTMLAudioElement;
  readonly current: { id: string } | null;
}

/**
 * Records plays: once a song has been listened to for half its length or four minutes, the play
 * (with the time listening began) goes to the outbox, which sends it now or when the server is
 * back. Reads the audio element's events; never touches it.
 */
export class PlayRecorder implements ReactiveController {
  readonly outbox: PlayOutbox;
  private readonly _playback: Playing;
  private readonly _tracker = new ListenTracker();
  private readonly _onEvent = (event: Event) => this._handle(event.type);

  constructor(host: ReactiveControllerHost, playback: Playing, store: AsyncStore) {
    this._playback = playback;
    this.outbox = new PlayOutbox(store, (play) => postPlay(play.songId, play.playedAt));
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of EVENTS) this._playback.audio.addEventListener(type, this._onEvent);
  }
  hostDisconnected(): void {
    for (const type of EVENTS) this._playback.audio.removeEventListener(type, this._onEvent);
  }

  private _started = false;

  /** Back online (or first online): send what waits, plays made offline included. */
  flush(): void {
    this._started = true;
    void this.outbox.flush();
  }

  /** The first time the server is reachable: plays left from an earlier visit. */
  start(): void {
    if (!this._started) this.flush();
  }

  private _handle(type: string): void {
    const audio = this._playback.audio;
    if (type === 'loadstart') this._tracker.load(this._playback.current?.id ?? null);
    else if (type === 'timeupdate' && !audio.paused)
      this._tracker.tick(audio.currentTime, Date.now());
    else if (type !== 'timeupdate') this._tracker.interrupt();
    const play = this._tracker.due(audio.duration);
    if (play)
      void this.outbox.add({
        songId: play.songId,
        playedAt: new Date(play.playedAt).toISOString(),
      });
  }
}

const EVENTS = ['loadstart', 'timeupdate', 'pause', 'seeking', 'waiting', 'ended'] as const;
