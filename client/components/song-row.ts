import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
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
import { renderCover } from './cover.ts';

export { songRowStyles } from './song-row.styles.ts';

/** What a row shows besides its song. */
export interface SongRowState {
  /** What the worker keeps of this song; undefined means nothing. */
  offline: OfflineState | undefined;
  /** Why it cannot play (then it is dimmed and its play button disabled), or null. */
  unavailable: UnavailableReason;
  /** Network reachable: downloads need it. */
  online: boolean;
  /** This is the song loaded in the player, and whether it plays. */
  current: boolean;
  playing: boolean;
  favourite: boolean;
  /** Leave out the album column (the album view lists one album). */
  hideAlbum?: boolean;
  /** Position in its list, for screen readers (1-based) and for the list's play handling. */
  index: number;
  setSize: number;
  /** Inside another list item (a playlist being edited): not a list item itself. */
  nested?: boolean;
}

/** Rows show covers 48 px wide (44 on phones). */
const COVER_PX = 48;

/**
 * One song in a list, as a template rendered in the list's own shadow root: a list shows dozens
 * at once and scrolls through thousands, and an element (shadow root, styles) per row made each
 * screenful cost several times more to style and lay out. Cover, title, artist and album (links),
 * heart, offline state with download/remove, duration and a menu. Its buttons and a click on the
 * row dispatch their requests (bubbling, composed) from where they happen.
 */
export function renderSongRow(song: Song, state: SongRowState): TemplateResult {
  const { unavailable, current } = state;
  const label = `${song.title} by ${song.artist}`;
  const playLabel = current && state.playing ? `Pause ${label}` : `Play ${label}`;
  const onRow = (event: Event) => {
    if (unavailable !== null) return;
    const path = event.composedPath();
    if (path.some((el) => el instanceof HTMLAnchorElement)) return; // a link: the router goes
    if (path.some((el) => el instanceof HTMLElement && el.dataset.action)) return;
    emit(event.currentTarget as Element, 'play-song-request', { song });
  };
  const onHeart = (event: Event) =>
    emit(event.currentTarget as Element, 'favourite-request', {
      kind: 'songs',
      id: song.id,
      on: !state.favourite,
    });
  const onMore = (event: Event) => {
    const button = event.currentTarget as HTMLElement;
    const rect = button.getBoundingClientRect();
    emit(button, 'song-menu-request', { song, x: rect.right, y: rect.bottom });
  };
  return html`<div class="song-row ${unavailable ? 'unavailable' : ''} ${current ? 'current' : ''} ${state.hideAlbum ? 'no-album' : ''}"
    role=${state.nested ? 'none' : 'listitem'} aria-posinset=${state.nested ? nothing : state.index + 1}
    aria-setsize=${state.nested ? nothing : state.setSize}
    data-testid="song-row" data-song-id=${song.id} data-index=${state.index}
    data-offline=${state.offline?.status ?? 'none'} data-available=${String(unavailable === null)}
    @click=${onRow}>
    <div class="lead">
      ${renderCover(coverAt(song.coverUrl, COVER_PX), song.album ?? song.title)}
      <button class="play" data-testid="play-song" aria-label=${playLabel} ?disabled=${unavailable !== null}>
        ${current && state.playing ? equalizer() : iconPlay()}
      </button>
    </div>
    <div class="main">
      <span class="title" title=${song.title}>${song.title}</span>
      <span class="sub">
        ${unavailable ? html`<span class="badge">${reasonText(unavailable)}</span>` : nothing}
        ${link(song.artist, song.artistId ? hrefs.artist(song.artistId) : null, 'artist')}
      </span>
    </div>
    ${state.hideAlbum ? nothing : html`<div class="album">${link(song.album ?? '', song.albumId ? hrefs.album(song.albumId) : null, '')}</div>`}
    <button class="icon-button heart ${state.favourite ? 'on' : ''}" data-testid="favourite-song" data-action="favourite"
      aria-pressed=${String(state.favourite)} aria-label="Favourite: ${song.title}"
      title=${state.favourite ? 'Remove from favourites' : 'Add to favourites'} @click=${onHeart}>
      ${state.favourite ? iconHeartFilled() : iconHeart()}
    </button>
    <div class="offline">${renderOffline(song, state)}</div>
    <div class="duration">${formatTime(song.duration)}</div>
    <button class="icon-button more" data-testid="song-menu" data-action="menu" aria-haspopup="menu"
      aria-label="More for ${song.title}" title="More" @click=${onMore}>${iconMore()}</button>
  </div>`;
}

function renderOffline(song: Song, state: SongRowState) {
  const offline = state.offline;
  const status = offline?.status ?? 'none';
  const percent = offline ? formatPercent(offline.cachedBytes, offline.size || song.size) : 0;
  let indicator: TemplateResult | typeof nothing = nothing;
  let action: 'download' | 'remove' = 'download';
  let icon = iconDownload();
  let label = `Download ${song.title} for offline listening`;
  if (status === 'complete') {
    indicator = html`<span class="saved" title="Available offline">${iconCheckCircle()}<span class="saved-text">Offline</span></span>`;
    action = 'remove';
    icon = iconRemove();
    label = `Remove ${song.title} from this device`;
  } else if (offline?.downloading || status === 'partial') {
    indicator = html`<span class="progress">
      <span class="percent">${percent}%</span>
      <progress max="100" .value=${percent} aria-label="Downloaded: ${percent}%"></progress>
    </span>`;
    if (offline?.downloading) {
      action = 'remove';
      icon = iconStop();
      label = `Stop downloading ${song.title} and remove it`;
    } else label = `Download the rest of ${song.title}`;
  }
  const blocked = action === 'download' && (!state.online || state.unavailable === 'format');
  const ring = status === 'partial' || offline?.downloading === true;
  const onClick = (event: Event) => {
    const button = event.currentTarget as Element;
    if (action === 'remove') emit(button, 'remove-request', { id: song.id });
    else emit(button, 'download-request', { song });
  };
  return html`${indicator}
    <button class="icon-button action ${ring ? 'ring' : ''}" style=${styleMap({ '--p': String(percent) })}
      data-testid="download-song" data-action=${action} aria-label=${label} title=${label}
      ?disabled=${blocked} @click=${onClick}>${icon}</button>`;
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
