import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { coverAt } from '../lib/cover-size.ts';
import { emit } from '../lib/events.ts';
import * as icons from '../lib/icons.ts';
import { iconHeartFilled, iconListAdd } from '../lib/icons-more.ts';
import { nextTask } from '../lib/idle.ts';
import type { Song } from '../lib/library-types.ts';
import { baseStyles, buttonStyles, rangeStyles } from '../styles/shared.ts';
import { coverStyles, renderCover } from './cover.ts';
import { playerBarStyles } from './td-player-bar.styles.ts';
import './td-seek-bar.ts';

/**
 * The bottom bar: what plays, transport buttons, seek bar with times, volume and the queue toggle.
 * Pure view: every control dispatches a `…-request` event; the playback controller owns the audio.
 */
@customElement('td-player-bar')
export class TdPlayerBar extends LitElement {
  static styles = [baseStyles, buttonStyles, rangeStyles, coverStyles, playerBarStyles];

  @property({ attribute: false }) song: Song | null = null;
  @property({ type: Boolean }) playing = false;
  /** Waiting for data while meant to play: shows a spinner around play/pause. */
  @property({ type: Boolean }) buffering = false;
  /** Seconds. */
  @property({ type: Number }) currentTime = 0;
  @property({ type: Number }) duration = 0;
  /** 0–1. */
  @property({ type: Number }) volume = 1;
  @property({ type: Boolean }) muted = false;
  @property({ type: Boolean }) hasNext = false;
  /** Why playback failed, shown in place of the artist. */
  @property() error: string | null = null;
  @property({ type: Boolean }) queueOpen = false;
  /** The song playing is one of the user's favourites. */
  @property({ type: Boolean }) favourite = false;

  /**
   * The first render in a task after the one that evaluated this chunk and upgraded the element:
   * two short tasks instead of one long one while the library is still showing (as TdApp does).
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await nextTask();
    super.scheduleUpdate();
  }

  render() {
    const song = this.song;
    const none = song === null;
    return html`
      <div class="bar ${none ? 'idle' : ''}" role="region" aria-label="Player">
        <div class="now">
          ${renderCover(coverAt(song?.coverUrl ?? null, 56), song ? (song.album ?? song.title) : 'Tapedeck')}
          <div class="meta">
            <span class="title">${song?.title ?? 'Not playing'}</span>
            ${
              this.error
                ? html`<span class="error" data-testid="player-error" role="alert">${icons.iconAlert()}
                  <span>${this.error}</span></span>`
                : html`<span class="artist">${song ? song.artist : 'Pick a song'}</span>`
            }
          </div>
          ${song ? this._renderHeart(song) : null}
        </div>
        <div class="transport">
          <button class="icon-button prev" data-testid="player-prev" aria-label="Previous song"
            title="Previous (P)" ?disabled=${none} @click=${() => emit(this, 'previous-request')}>
            ${icons.iconPrevious()}
          </button>
          <button class="play ${this.buffering ? 'buffering' : ''}" data-testid="player-play"
            aria-label=${this.playing ? 'Pause' : 'Play'} title="${this.playing ? 'Pause' : 'Play'} (Space)"
            ?disabled=${none} @click=${this._onPlayClick}>
            ${this.playing ? icons.iconPause() : icons.iconPlay()}
          </button>
          <button class="icon-button next" data-testid="player-next" aria-label="Next song"
            title="Next (N)" ?disabled=${!this.hasNext} @click=${() => emit(this, 'next-request')}>
            ${icons.iconNext()}
          </button>
        </div>
        <td-seek-bar class="seek" .currentTime=${this.currentTime} .duration=${this.duration}
          ?disabled=${none}></td-seek-bar>
        <div class="extras">${this._renderVolume()}
          <button class="icon-button add" data-testid="player-add-to-playlist" aria-label="Add to a playlist"
            title="Add to playlist" ?hidden=${none}
            @click=${() => song && emit(this, 'add-to-playlist-request', { songs: [song] })}>${iconListAdd()}</button>
          <button class="icon-button queue ${this.queueOpen ? 'active' : ''}" data-testid="queue-toggle"
            aria-label="Queue" aria-expanded=${String(this.queueOpen)} title="Queue"
            @click=${() => emit(this, 'queue-toggle-request')}>${icons.iconQueue()}</button>
        </div>
      </div>
    `;
  }

  private _renderHeart(song: Song) {
    const on = this.favourite;
    return html`<button class="icon-button heart ${on ? 'on' : ''}" data-testid="player-favourite"
      aria-pressed=${String(on)} aria-label="Favourite: ${song.title}"
      title=${on ? 'Remove from favourites' : 'Add to favourites'}
      @click=${() => emit(this, 'favourite-request', { kind: 'songs', id: song.id, on: !on })}>
      ${on ? iconHeartFilled() : icons.iconHeart()}</button>`;
  }

  private _renderVolume() {
    const level = this.muted ? 0 : this.volume;
    const icon =
      level === 0 ? icons.iconMuted() : level < 0.5 ? icons.iconVolumeLow() : icons.iconVolume();
    const percent = Math.round(level * 100);
    return html`<div class="volume">
      <button class="icon-button" data-testid="player-mute" aria-label=${this.muted ? 'Unmute' : 'Mute'}
        aria-pressed=${String(this.muted)} @click=${() => emit(this, 'mute-request', { muted: !this.muted })}>
        ${icon}
      </button>
      <input type="range" min="0" max="1" step="0.01" .value=${String(level)} aria-label="Volume"
        aria-valuetext="${percent}%" style="--fill: ${percent}%" data-testid="player-volume"
        @input=${this._onVolumeInput} />
    </div>`;
  }

  private _onPlayClick(): void {
    emit(this, this.playing ? 'pause-request' : 'play-request');
  }

  private _onVolumeInput(event: Event): void {
    emit(this, 'volume-request', { volume: Number((event.target as HTMLInputElement).value) });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-player-bar': TdPlayerBar;
  }
}
