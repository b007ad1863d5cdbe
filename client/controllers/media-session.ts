import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { coverAt } from '../lib/cover-size.ts';
import { whenIdle } from '../lib/idle.ts';
import type { PlaybackController } from './playback-controller.ts';

const SKIP_S = 10;
const POSITION_EVENTS = [
  'durationchange',
  'seeked',
  'play',
  'pause',
  'ratechange',
  'loadedmetadata',
];

/**
 * Mirrors playback into the Media Session (lock screen, headset keys, notification): metadata with
 * artwork, position state, and the standard action handlers, which call the playback controller.
 * Set up once the page is idle (the session's first use costs a few milliseconds, and nothing plays
 * before the user picks a song).
 */
export class MediaSessionController implements ReactiveController {
  private readonly _playback: PlaybackController;
  private _songId: string | null = null;
  private _session: MediaSession | null = null;
  private _cancelSetUp: (() => void) | undefined;
  private readonly _onPosition = () => this._syncPosition();

  constructor(host: ReactiveControllerHost, playback: PlaybackController) {
    this._playback = playback;
    host.addController(this);
  }

  hostConnected(): void {
    this._cancelSetUp = whenIdle(() => this._setUp());
  }

  hostDisconnected(): void {
    this._cancelSetUp?.();
    if (!this._session) return;
    this._session = null;
    for (const type of POSITION_EVENTS)
      this._playback.audio.removeEventListener(type, this._onPosition);
  }

  hostUpdated(): void {
    const session = this._session;
    if (!session) return;
    const song = this._playback.current;
    if ((song?.id ?? null) !== this._songId) {
      this._songId = song?.id ?? null;
      session.metadata = song
        ? new MediaMetadata({
            title: song.title,
            artist: song.artist,
            album: song.album ?? '',
            // Lock screens and car displays pick the size they need.
            artwork: song.coverUrl
              ? [256, 512].map((size) => ({
                  src: absolute(coverAt(song.coverUrl, size, 1) as string),
                  sizes: `${size}x${size}`,
                }))
              : [{ src: absolute('/icons/icon-512.png'), sizes: '512x512' }],
          })
        : null;
    }
    session.playbackState = !song ? 'none' : this._playback.playing ? 'playing' : 'paused';
  }

  private _setUp(): void {
    const session = mediaSession();
    if (!session) return;
    this._session = session;
    const p = this._playback;
    const actions: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => p.play()],
      ['pause', () => p.pause()],
      ['previoustrack', () => p.previous()],
      ['nexttrack', () => p.next()],
      ['seekbackward', (d) => p.seekBy(-(d.seekOffset ?? SKIP_S))],
      ['seekforward', (d) => p.seekBy(d.seekOffset ?? SKIP_S)],
      ['seekto', (d) => d.seekTime !== undefined && p.seek(d.seekTime)],
    ];
    for (const [action, handler] of actions) {
      try {
        session.setActionHandler(action, handler);
      } catch {
        // This browser does not know that action.
      }
    }
    for (const type of POSITION_EVENTS) p.audio.addEventListener(type, this._onPosition);
    this.hostUpdated(); // a song may already play
    this._syncPosition();
  }

  /** Browsers extrapolate the position: it needs setting only when it jumps or the rate changes. */
  private _syncPosition(): void {
    const session = this._session;
    const { audio } = this._playback;
    const duration = this._playback.duration;
    if (!session?.setPositionState || !(duration > 0)) return;
    try {
      session.setPositionState({
        duration,
        playbackRate: audio.playbackRate || 1,
        position: Math.min(audio.currentTime, duration),
      });
    } catch {
      // Inconsistent values while a new source loads; the next event sets it right.
    }
  }
}

function mediaSession(): MediaSession | null {
  return 'mediaSession' in navigator ? navigator.mediaSession : null;
}

function absolute(url: string): string {
  return new URL(url, location.href).href;
}
