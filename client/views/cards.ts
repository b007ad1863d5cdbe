import { css, html, nothing } from 'lit';
import type { PlaylistSummary } from '../../api/user-library/types.ts';
import { coverStyles, renderCover } from '../components/cover.ts';
import { cardCoverAt as cardCover } from '../lib/cover-size.ts';
import { iconCheckCircle } from '../lib/icons.ts';
import type { Album, Artist } from '../lib/library-types.ts';
import { hrefs } from '../router/routes.ts';
import { cardHeart, cardHeartStyles } from './card-heart.ts';
import { reachOf } from './kept-index.ts';
import { isFavourite, type ViewContext } from './view-context.ts';
import { plural } from './view-parts.ts';

/** Grid cells are about this wide (their cover: `cardCoverAt`). */
export const CARD_PX = 176;

/** How a card shows what can play offline. */
export interface CardReach {
  /** Some of its songs are kept on this device. */
  kept: boolean;
  /** Nothing of it can play now (offline, none kept). */
  dimmed: boolean;
}

/** Cards in the first screen load their cover at once (the largest paint); the rest when seen. */
export interface CardOptions {
  eager?: boolean;
}

/** How many cards of a grid or of a view's first shelf count as the first screen. */
export const EAGER_CARDS = 6;

/**
 * An album in a grid or shelf: a link to the album view, and beside it (not in it: a button inside
 * a link is invalid and would navigate) its heart. Put it in a `.card-box`.
 */
export function albumCard(album: Album, ctx: ViewContext, options: CardOptions = {}) {
  const reach = reachOf('albums', album.id, ctx);
  const sub = [album.artist, album.year].filter(Boolean).join(' · ');
  return html`<a class="card ${reach.dimmed ? 'dimmed' : ''}" href=${hrefs.album(album.id)}
    data-testid="album-card" data-album-id=${album.id} data-kept=${String(reach.kept)}
    aria-label="${album.name} by ${album.artist}${reach.kept ? ', available offline' : ''}">
    ${renderCover(cardCover(album.coverUrl), album.name, options.eager)}
    <span class="card-title">${album.name}</span>
    <span class="card-sub">${keptMark(reach)}${sub}</span>
  </a>${cardHeart('albums', album.id, album.name, isFavourite(ctx, 'albums', album.id, album.favourite))}`;
}

export function artistCard(artist: Artist, ctx: ViewContext, options: CardOptions = {}) {
  const reach = reachOf('artists', artist.id, ctx);
  return html`<a class="card artist ${reach.dimmed ? 'dimmed' : ''}" href=${hrefs.artist(artist.id)}
    data-testid="artist-card" data-artist-id=${artist.id} data-kept=${String(reach.kept)}>
    ${renderCover(cardCover(artist.coverUrl), artist.name, options.eager)}
    <span class="card-title">${artist.name}</span>
    <span class="card-sub">${keptMark(reach)}${plural(artist.albumCount, 'album')}</span>
  </a>${cardHeart('artists', artist.id, artist.name, isFavourite(ctx, 'artists', artist.id, artist.favourite))}`;
}

/** A playlist: its first song's cover, name and size. */
export function playlistCard(playlist: PlaylistSummary) {
  return html`<a class="card" href=${hrefs.playlist(playlist.id)} data-testid="playlist-card"
    data-playlist-id=${playlist.id}>
    ${renderCover(cardCover(playlist.coverUrl), playlist.name)}
    <span class="card-title">${playlist.name}</span>
    <span class="card-sub">${plural(playlist.songCount, 'song')}</span>
  </a>`;
}

/** A grid cell not fetched yet. */
export function ghostCard() {
  return html`<span class="card ghost-card" aria-hidden="true"><span class="cover"></span><b></b></span>`;
}

function keptMark(reach: CardReach) {
  return reach.kept
    ? html`<span class="kept" title="Available offline">${iconCheckCircle()}</span>`
    : nothing;
}

const cardRules = css`
  /* A card and its heart: the heart sits over the cover's corner. */
  .card-box {
    position: relative;
    display: flex;
    min-width: 0;
  }
  .card-box > .card {
    flex: 1;
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    min-width: 0;
    padding: 8px;
    border-radius: var(--td-radius);
    color: inherit;
    text-decoration: none;
    transition: background-color 0.12s;
  }
  .card:hover {
    background: var(--td-hover);
  }
  .card .cover {
    width: 100%;
    height: auto;
    aspect-ratio: 1;
    margin-bottom: 0.35rem;
    border-radius: 10px;
  }
  .card.artist .cover {
    border-radius: 50%;
  }
  .card-title,
  .card-sub {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .card-title {
    font-weight: 600;
    font-size: 0.92rem;
  }
  .card-sub {
    display: flex;
    align-items: center;
    gap: 0.3rem;
    color: var(--td-muted);
    font-size: 0.82rem;
  }
  .kept {
    color: var(--td-success);
  }
  .kept .icon {
    width: 0.95rem;
    height: 0.95rem;
  }
  .card.dimmed {
    opacity: 0.45;
  }
  .ghost-card b {
    display: block;
    width: 70%;
    height: 12px;
    border-radius: 6px;
    background: var(--td-surface-2);
  }
  .ghost-card .cover {
    display: block;
    background: var(--td-surface-2);
  }
`;

/** Cards and the covers in them. */
export const cardStyles = [coverStyles, cardRules, cardHeartStyles];
