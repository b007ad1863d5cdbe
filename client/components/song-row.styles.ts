import { css, unsafeCSS } from 'lit';
import { phoneMedia } from '../styles/breakpoints.ts';

/** A row's height (its list's cells are this tall: td-song-list.ts), and on phones. */
export const ROW_PX = 64;
export const ROW_PHONE_PX = 56;

/**
 * Layout of a song row: [cover] [title/artist] [album] [heart] [offline] [duration] [menu]; album
 * and duration drop on phones. Lists are virtualised, so every row on the page is on screen.
 */
export const songRowStyles = css`
  .song-row {
    display: grid;
    width: 100%;
    box-sizing: border-box;
    /*
     * A row's layout and paint stay inside it. Not content-visibility: auto: rows scrolled into the
     * virtualizer's overhang were taken out of the layout tree and put back (display locks), which
     * on a fast scroll cost more style work than it saved.
     */
    contain: layout paint style;
    grid-template-columns: 48px minmax(0, 1.6fr) minmax(0, 1fr) 2.5rem 7.5rem 3rem 2.5rem;
    align-items: center;
    gap: 0 1rem;
    min-height: ${unsafeCSS(ROW_PX)}px;
    padding: 8px 12px;
    border-radius: 10px;
    cursor: pointer;
    transition: background-color 0.12s;
  }
  .song-row.no-album {
    grid-template-columns: 48px minmax(0, 1fr) 2.5rem 7.5rem 3rem 2.5rem;
  }
  .song-row:hover {
    background: var(--td-hover);
  }
  a {
    color: inherit;
    text-decoration: none;
  }
  a:hover {
    text-decoration: underline;
  }
  .heart.on {
    color: var(--td-accent);
  }
  .heart:not(.on):not(:focus-visible),
  .more:not(:focus-visible) {
    opacity: 0.55;
  }
  .song-row:hover .heart,
  .song-row:hover .more {
    opacity: 1;
  }
  .song-row.current {
    background: var(--td-accent-soft);
  }
  .song-row.unavailable {
    cursor: default;
  }
  .song-row.unavailable:hover {
    background: none;
  }
  .song-row.unavailable :is(.lead, .title, .artist, .album, .duration, .heart) {
    opacity: 0.45;
  }
  .lead {
    position: relative;
    width: 48px;
    height: 48px;
  }
  .play {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    border-radius: 8px;
    color: #fff;
    background: rgb(0 0 0 / 0.45);
    opacity: 0;
    transition: opacity 0.12s;
  }
  .song-row:not(.unavailable):hover .play,
  .play:focus-visible,
  .song-row.current .play {
    opacity: 1;
  }
  .play:disabled {
    opacity: 0 !important;
  }
  .main {
    display: flex;
    flex-direction: column;
    min-width: 0;
    gap: 2px;
  }
  .title,
  .artist,
  .album {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .title {
    font-weight: 600;
    font-size: 0.95rem;
  }
  .song-row.current .title {
    color: var(--td-accent);
  }
  .sub {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    min-width: 0;
    color: var(--td-muted);
    font-size: 0.85rem;
  }
  .badge {
    flex: none;
    padding: 1px 7px;
    border-radius: 999px;
    font-size: 0.72rem;
    font-weight: 600;
    background: var(--td-danger-soft);
    color: var(--td-danger);
    white-space: nowrap;
  }
  .album,
  .duration {
    color: var(--td-muted);
    font-size: 0.88rem;
  }
  .duration {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .offline {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: 0.25rem;
    min-width: 0;
  }
  .saved {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    color: var(--td-success);
    font-size: 0.8rem;
    font-weight: 600;
  }
  .saved .icon {
    width: 1.1rem;
    height: 1.1rem;
  }
  .progress {
    display: inline-flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 3px;
    font-size: 0.75rem;
    color: var(--td-muted);
    font-variant-numeric: tabular-nums;
  }
  progress {
    appearance: none;
    width: 3.2rem;
    height: 4px;
    border: 0;
    border-radius: 2px;
    background: var(--td-surface-2);
    overflow: hidden;
  }
  progress::-webkit-progress-bar {
    background: var(--td-surface-2);
  }
  progress::-webkit-progress-value {
    background: var(--td-accent);
    transition: width 0.2s;
  }
  progress::-moz-progress-bar {
    background: var(--td-accent);
  }
  .action {
    position: relative;
  }
  .action .icon {
    width: 1.15rem;
    height: 1.15rem;
  }
  /* On phones the download progress is a ring around the button instead of a bar beside it. */
  .action.ring::after {
    content: '';
    position: absolute;
    inset: 3px;
    border-radius: 50%;
    background: conic-gradient(var(--td-accent) calc(var(--p) * 1%), var(--td-surface-2) 0);
    -webkit-mask: radial-gradient(farthest-side, transparent calc(100% - 2.5px), #000 calc(100% - 2px));
    mask: radial-gradient(farthest-side, transparent calc(100% - 2.5px), #000 calc(100% - 2px));
    display: none;
  }
  .eq {
    display: flex;
    align-items: flex-end;
    gap: 2px;
    height: 16px;
  }
  .eq i {
    width: 3px;
    height: 100%;
    background: currentColor;
    border-radius: 1px;
    animation: bounce 0.9s ease-in-out infinite;
    transform-origin: bottom;
  }
  .eq i:nth-child(2) {
    animation-delay: -0.3s;
  }
  .eq i:nth-child(3) {
    animation-delay: -0.6s;
  }
  @keyframes bounce {
    0%,
    100% {
      transform: scaleY(0.3);
    }
    50% {
      transform: scaleY(1);
    }
  }
  @media ${phoneMedia} {
    .song-row,
    .song-row.no-album {
      grid-template-columns: 44px minmax(0, 1fr) 2.25rem auto 2.25rem;
      gap: 0 0.35rem;
      /* The song list's cells are this tall here (td-song-list.ts): a taller row would overlap. */
      min-height: ${unsafeCSS(ROW_PHONE_PX)}px;
      padding: 6px 4px 6px 8px;
    }
    .song-row .icon-button {
      width: 2.25rem;
      height: 2.25rem;
    }
    .main {
      padding-left: 0.4rem;
    }
    .lead {
      width: 44px;
      height: 44px;
    }
    .cover {
      width: 44px;
      height: 44px;
    }
    .album,
    .duration,
    .saved-text,
    .progress {
      display: none;
    }
    .action.ring::after {
      display: block;
    }
    .badge {
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .song-row.unavailable .artist {
      display: none;
    }
  }
`;
