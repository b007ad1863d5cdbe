import { css } from 'lit';
import { phoneMedia } from '../styles/breakpoints.ts';

/** Desktop: [now] [transport over seek] [volume, queue]. Phones: seek on top, then now + buttons. */
export const playerBarStyles = css`
  :host {
    display: block;
    position: fixed;
    /* On phones the navigation's tab bar sits below the player. */
    inset: auto 0 var(--td-below-player) 0;
    z-index: 20;
    background: color-mix(in srgb, var(--td-surface) 97%, transparent);
    backdrop-filter: blur(16px) saturate(1.4);
    -webkit-backdrop-filter: blur(16px) saturate(1.4);
    border-top: 1px solid var(--td-border);
    padding-bottom: var(--td-player-pad-bottom);
  }
  .bar {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1.6fr) minmax(0, 1fr);
    grid-template-areas: 'now transport extras' 'now seek extras';
    align-items: center;
    column-gap: 1.5rem;
    height: var(--td-player-h);
    padding: 0.4rem 1.25rem;
    max-width: 1600px;
    margin: 0 auto;
  }
  .now {
    grid-area: now;
    display: flex;
    align-items: center;
    gap: 0.8rem;
    min-width: 0;
  }
  .cover {
    width: 56px;
    height: 56px;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.18);
  }
  .meta {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
  }
  .title,
  .artist,
  .error span {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .title {
    font-weight: 650;
    font-size: 0.95rem;
  }
  .artist {
    color: var(--td-muted);
    font-size: 0.85rem;
  }
  .error {
    display: flex;
    align-items: center;
    gap: 0.35rem;
    min-width: 0;
    color: var(--td-danger);
    font-size: 0.83rem;
    font-weight: 600;
  }
  .error .icon {
    width: 1rem;
    height: 1rem;
  }
  .transport {
    grid-area: transport;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.75rem;
  }
  .transport .icon-button {
    color: var(--td-text);
  }
  .play {
    position: relative;
    display: grid;
    place-items: center;
    width: 2.75rem;
    height: 2.75rem;
    border-radius: 50%;
    background: var(--td-text);
    color: var(--td-bg);
    transition: transform 0.12s, background-color 0.15s;
  }
  .play:not(:disabled):hover {
    transform: scale(1.06);
  }
  .play .icon {
    width: 1.35rem;
    height: 1.35rem;
  }
  .play.buffering::after {
    content: '';
    position: absolute;
    inset: -4px;
    border-radius: 50%;
    border: 2.5px solid transparent;
    border-top-color: var(--td-accent);
    border-right-color: var(--td-accent);
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  .seek {
    grid-area: seek;
    width: 100%;
    max-width: 38rem;
    justify-self: center;
  }
  .extras {
    grid-area: extras;
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: 0.25rem;
  }
  .volume {
    display: flex;
    align-items: center;
    width: min(9.5rem, 100%);
  }
  .volume input {
    min-width: 0;
  }
  .queue.active,
  .heart.on {
    color: var(--td-accent);
  }
  .heart {
    flex: none;
  }
  @media ${phoneMedia} {
    .bar {
      grid-template-columns: minmax(0, 1fr) auto auto;
      grid-template-areas: 'seek seek seek' 'now transport extras';
      column-gap: 0.5rem;
      row-gap: 0.2rem;
      padding: 0.35rem 0.75rem 0.5rem;
    }
    .seek {
      max-width: none;
    }
    .cover {
      width: 44px;
      height: 44px;
    }
    .volume {
      display: none;
    }
    .idle .seek {
      display: none;
    }
    .idle {
      grid-template-areas: 'now transport extras';
    }
    .transport {
      gap: 0.25rem;
    }
  }
  @media (max-width: 400px) {
    .heart {
      display: none;
    }
  }
  @media (max-width: 360px) {
    .prev {
      display: none;
    }
  }
`;
