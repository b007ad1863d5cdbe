import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { emit } from '../lib/events.ts';
import { formatTime } from '../lib/format.ts';
import { baseStyles, rangeStyles } from '../styles/shared.ts';

const KEY_SEEK_S = 5;
/** While dragging, seek after the pointer rests this long (a change event seeks at once). */
const SCRUB_SEEK_MS = 150;

/**
 * Elapsed time, seek slider (value in seconds) and total time. While the listener drags, the slider
 * follows the pointer rather than playback; the seek itself is a `seek-request` event.
 */
@customElement('td-seek-bar')
export class TdSeekBar extends LitElement {
  static styles = [
    baseStyles,
    rangeStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: 2.8rem minmax(0, 1fr) 2.8rem;
        align-items: center;
        gap: 0.5rem;
        font-size: 0.75rem;
        color: var(--td-muted);
        font-variant-numeric: tabular-nums;
      }
      /* One element holds both times (tests read it), laid out on either side of the slider. */
      .time {
        display: contents;
      }
      .elapsed {
        order: 0;
        text-align: right;
      }
      input {
        order: 1;
      }
      .total {
        order: 2;
      }
    `,
  ];

  /** Seconds played. */
  @property({ type: Number }) currentTime = 0;
  /** Seconds in the song (0 when unknown). */
  @property({ type: Number }) duration = 0;
  @property({ type: Boolean }) disabled = false;

  /** Where the thumb is while dragging; null when it follows playback. */
  @state() private _scrub: number | null = null;
  private _timer: ReturnType<typeof setTimeout> | undefined;

  render() {
    const duration = Math.max(0, this.duration);
    const value = Math.min(this._scrub ?? this.currentTime, duration || 0);
    const fill = duration > 0 ? (value / duration) * 100 : 0;
    return html`
      <span class="time" data-testid="player-time"><span class="elapsed">${formatTime(value)}</span
        ><span class="sr-only"> / </span><span class="total">${formatTime(duration)}</span></span>
      <input type="range" data-testid="player-seek" aria-label="Seek" min="0" max=${duration}
        step="1" .value=${String(value)} ?disabled=${this.disabled || duration === 0}
        aria-valuetext="${formatTime(value)} of ${formatTime(duration)}" style="--fill: ${fill}%"
        @input=${this._onInput} @change=${this._onChange} @keydown=${this._onKeyDown} />
    `;
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._timer);
  }

  private _onInput(event: Event): void {
    this._scrub = Number((event.target as HTMLInputElement).value);
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this._commit(), SCRUB_SEEK_MS);
  }

  private _onChange(event: Event): void {
    this._scrub = Number((event.target as HTMLInputElement).value);
    this._commit();
  }

  /** Arrow keys move 5 s like the global shortcuts, rather than the 1 s step. */
  private _onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    event.stopPropagation();
    const delta = event.key === 'ArrowLeft' ? -KEY_SEEK_S : KEY_SEEK_S;
    emit(this, 'seek-request', {
      time: Math.max(0, Math.min(this.duration, this.currentTime + delta)),
    });
  }

  private _commit(): void {
    clearTimeout(this._timer);
    if (this._scrub === null) return;
    emit(this, 'seek-request', { time: this._scrub });
    this._scrub = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-seek-bar': TdSeekBar;
  }
}
