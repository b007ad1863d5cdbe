import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { OfflineState } from '../../sw/protocol.ts';
import type { UnavailableReason } from '../lib/availability.ts';
import { coverAt } from '../lib/cover-size.ts';
import { emit } from '../lib/events.ts';
import { formatPercent, formatTime } from '../lib/format.ts';
import {
  iconCheckCircle,
  iconDownload,
  iconHeart,
  iconPlay,
  iconRemove,
  iconStop,
} from '../lib/icons.ts';
import { iconHeartFilled, iconMore } from '../lib/icons-more.ts';
import type { Song } from '../lib/library-types.ts';
import { hrefs } from '../router/routes.ts';
import { baseStyles, buttonStyles } from '../styles/shared.ts';
import { coverStyles, renderCover } from './cover.ts';
import { songRowStyles } from './td-song-row.styles.ts';

export type { UnavailableReason } from '../lib/availability.ts';

/** Rows show covers 48 px wide (44 on phones). */
const COVER_PX = 48;

/**
 * One song in a list: cover, title, artist, album, heart, offline state with the download/remove
 * button, duration and a menu (add to playlist, go to album…). Clicking the row (or its play
 * button) asks to play the song; album and artist are links.
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
  @property({ type: Boolean }) favourite = false;
  /** Hide the album column (the album view lists one album). */
  @property({ type: Boolean, attribute: 'hide-album' }) hideAlbum = false;

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
      <div class="row ${unavailable ? 'unavailable' : ''} ${this.hideAlbum ? 'no-album' : ''}"
        @click=${this._onRowClick}>
        <div class="lead">
          ${renderCover(coverAt(song.coverUrl, COVER_PX), song.album ?? song.title)}
          <button class="play" data-testid="play-song" aria-label=${playLabel}
            ?disabled=${unavailable !== null}>
            ${this.current && this.playing ? equalizer() : iconPlay()}
          </button>
        </div>
        <div class="main">
          <span class="title" title=${song.title}>${song.title}</span>
          <span class="sub">
            ${unavailable ? html`<span class="badge">${reasonText(unavailable)}</span>` : nothing}
            ${link(song.artist, song.artistId ? hrefs.artist(song.artistId) : null, 'artist')}
          </span>
        </div>
        ${this.hideAlbum ? nothing : html`<div class="album">${link(song.album ?? '', song.albumId ? hrefs.album(song.albumId) : null, '')}</div>`}
        <button class="icon-button heart ${this.favourite ? 'on' : ''}" data-testid="favourite-song"
          data-action="favourite" aria-pressed=${String(this.favourite)} aria-label="Favourite: ${song.title}"
          title=${this.favourite ? 'Remove from favourites' : 'Add to favourites'} @click=${this._onHeartClick}>
          ${this.favourite ? iconHeartFilled() : iconHeart()}
        </button>
        <div class="offline">${this._renderOffline()}</div>
        <div class="duration">${formatTime(song.duration)}</div>
        <button class="icon-button more" data-testid="song-menu" data-action="menu"
          aria-haspopup="menu" aria-label="More for ${song.title}" title="More" @click=${this._onMoreClick}>
          ${iconMore()}
        </button>
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
    return html`${indicator}
      <button class="icon-button action ${ring ? 'ring' : ''}" style="--p: ${percent}"
        data-testid="download-song" data-action=${action} aria-label=${label} title=${label}
        ?disabled=${blocked} @click=${this._onActionClick}>
        ${icon}
      </button>`;
  }

  private _onRowClick(event: Event): void {
    if (this.unavailable !== null) return;
    const path = event.composedPath();
    if (path.some((el) => el instanceof HTMLAnchorElement)) return; // a link: the router goes
    if (path.some((el) => el instanceof HTMLElement && el.dataset.action)) return;
    emit(this, 'play-song-request', { song: this.song });
  }

  private _onActionClick(event: Event): void {
    event.stopPropagation();
    const action = (event.currentTarget as HTMLElement).dataset.action;
    if (action === 'remove') emit(this, 'remove-request', { id: this.song.id });
    else emit(this, 'download-request', { song: this.song });
  }

  private _onHeartClick(event: Event): void {
    event.stopPropagation();
    emit(this, 'favourite-request', { kind: 'songs', id: this.song.id, on: !this.favourite });
  }

  private _onMoreClick(event: Event): void {
    event.stopPropagation();
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    emit(this, 'song-menu-request', { song: this.song, x: rect.right, y: rect.bottom });
  }
}

function link(text: string, href: string | null, className: string) {
  if (!href) return html`<span class=${className} title=${text}>${text}</span>`;
  return html`<a class=${className} href=${href} title=${text} tabindex="-1">${text}</a>`;
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
