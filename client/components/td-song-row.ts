import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Song } from '../../api/catalog/song.ts';
import type { OfflineState } from '../../sw/protocol.ts';
import { emit } from '../lib/events.ts';
import { formatPercent, formatTime } from '../lib/format.ts';
import {
  iconCheckCircle,
  iconDownload,
  iconLink,
  iconPlay,
  iconRemove,
  iconStop,
} from '../lib/icons.ts';
import { baseStyles, buttonStyles } from '../styles/shared.ts';
import { coverStyles, renderCover } from './cover.ts';
import { songRowStyles } from './td-song-row.styles.ts';

/** Why a row cannot play right now. */
export type UnavailableReason = 'offline' | 'format' | null;

/**
 * One song in the library: cover, title, artist, album, duration, offline state and the
 * download/remove button. Clicking the row (or its play button) asks to play the song.
 */
@customElement('td-song-row')
export class TdSongRow extends LitElement {
  static styles = [baseStyles, buttonStyles, coverStyles, songRowStyles];

  @property({ attribute: false }) song!: Song;
  /** What the worker keeps of this song; undefined means nothing. */
  @property({ attribute: false }) offline: OfflineState | undefined;
  /** Why it cannot play (then it is dimmed and its play button disabled), or null. */
  @property({ attribute: false }) unavailable: UnavailableReason = null;
  /** Network reachable: downloads need it. */
  @property({ type: Boolean }) online = true;
  /** This is the song loaded in the player. */
  @property({ type: Boolean, reflect: true }) current = false;
  @property({ type: Boolean }) playing = false;

  protected willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('song') && !changed.has('offline') && !changed.has('unavailable')) return;
    // Test hooks on the host, kept in one place.
    this.setAttribute('data-testid', 'song-row');
    this.setAttribute('data-song-id', this.song.id);
    this.setAttribute('data-offline', this.offline?.status ?? 'none');
    this.setAttribute('data-available', String(this.unavailable === null));
  }

  render() {
    const { song, unavailable } = this;
    const label = `${song.title} by ${song.artist}`;
    const playLabel = this.current && this.playing ? `Pause ${label}` : `Play ${label}`;
    return html`
      <div class="row ${unavailable ? 'unavailable' : ''}" @click=${this._onRowClick}>
        <div class="lead">
          ${renderCover(song.coverUrl, song.album ?? song.title)}
          <button class="play" data-testid="play-song" aria-label=${playLabel}
            ?disabled=${unavailable !== null}>
            ${this.current && this.playing ? equalizer() : iconPlay()}
          </button>
        </div>
        <div class="main">
          <span class="title" title=${song.title}>${song.title}</span>
          <span class="sub">
            ${unavailable ? html`<span class="badge">${reasonText(unavailable)}</span>` : nothing}
            <span class="artist">${song.artist}</span>
          </span>
        </div>
        <div class="album" title=${song.album ?? ''}>${song.album ?? ''}</div>
        <div class="offline">${this._renderOffline()}</div>
        <div class="duration">${formatTime(song.duration)}</div>
      </div>
    `;
  }

  private _renderOffline() {
    const state = this.offline;
    const status = state?.status ?? 'none';
    const percent = state ? formatPercent(state.cachedBytes, state.size || this.song.size) : 0;
    const title = this.song.title;
    let indicator: TemplateResult | typeof nothing = nothing;
    let action: 'download' | 'remove' = 'download';
    let icon = iconDownload();
    let label = `Download ${title} for offline listening`;
    if (status === 'complete') {
      indicator = html`<span class="saved" title="Available offline">${iconCheckCircle()}<span class="saved-text">Offline</span></span>`;
      action = 'remove';
      icon = iconRemove();
      label = `Remove ${title} from this device`;
    } else if (state?.downloading || status === 'partial') {
      indicator = html`<span class="progress">
        <span class="percent">${percent}%</span>
        <progress max="100" .value=${percent} aria-label="Downloaded: ${percent}%"></progress>
      </span>`;
      if (state?.downloading) {
        action = 'remove';
        icon = iconStop();
        label = `Stop downloading ${title} and remove it`;
      } else label = `Download the rest of ${title}`;
    }
    const blocked = action === 'download' && (!this.online || this.unavailable === 'format');
    const ring = status === 'partial' || state?.downloading === true;
    const linkLabel = `Copy a stream link for ${title} (for other players)`;
    return html`${indicator}
      <button class="icon-button" data-testid="copy-link" data-action="copy-link" aria-label=${linkLabel}
        title="Copy stream link" ?disabled=${!this.online} @click=${this._onCopyLinkClick}>${iconLink()}</button>
      <button class="icon-button action ${ring ? 'ring' : ''}" style="--p: ${percent}"
        data-testid="download-song" data-action=${action} aria-label=${label} title=${label}
        ?disabled=${blocked} @click=${this._onActionClick}>
        ${icon}
      </button>`;
  }

  private _onRowClick(event: Event): void {
    if (this.unavailable !== null) return;
    if (event.composedPath().some((el) => el instanceof HTMLElement && el.dataset.action)) return;
    emit(this, 'play-song-request', { song: this.song });
  }

  private _onCopyLinkClick(event: Event): void {
    event.stopPropagation();
    emit(this, 'copy-link-request', { song: this.song });
  }

  private _onActionClick(event: Event): void {
    event.stopPropagation();
    const action = (event.currentTarget as HTMLElement).dataset.action;
    if (action === 'remove') emit(this, 'remove-request', { id: this.song.id });
    else emit(this, 'download-request', { song: this.song });
  }
}

function reasonText(reason: Exclude<UnavailableReason, null>): string {
  return reason === 'format' ? 'Format not supported by this browser' : 'Not available offline';
}

/** Three bouncing bars: "this one is playing". */
function equalizer() {
  return html`<span class="eq" aria-hidden="true"><i></i><i></i><i></i></span>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'td-song-row': TdSongRow;
  }
}
