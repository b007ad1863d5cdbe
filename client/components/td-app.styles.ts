import { css } from 'lit';
import { phoneMedia } from '../styles/breakpoints.ts';

export const appStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    min-height: 100dvh;
  }
  .skip {
    position: absolute;
    left: 1rem;
    top: -3rem;
    z-index: 100;
    padding: 0.5rem 1rem;
    border-radius: 8px;
    background: var(--td-accent);
    color: var(--td-on-accent);
    font-weight: 600;
    text-decoration: none;
  }
  .skip:focus {
    top: 0.75rem;
  }
  .top {
    position: sticky;
    top: 0;
    z-index: 15;
    padding-top: env(safe-area-inset-top);
    background: color-mix(in srgb, var(--td-bg) 88%, transparent);
    backdrop-filter: blur(14px) saturate(1.3);
    -webkit-backdrop-filter: blur(14px) saturate(1.3);
    border-bottom: 1px solid var(--td-border);
  }
  .inner {
    display: grid;
    grid-template-columns: calc(var(--td-side-w) - 1.5rem) minmax(0, 32rem) auto;
    justify-content: space-between;
    align-items: center;
    gap: 1rem;
    height: var(--td-header-h);
    padding: 0 max(1rem, env(safe-area-inset-left)) 0 max(1.5rem, env(safe-area-inset-left));
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    border-radius: 8px;
    color: inherit;
    font-weight: 750;
    font-size: 1.15rem;
    letter-spacing: -0.01em;
    text-decoration: none;
  }
  .brand .logo {
    width: 2.1rem;
    height: auto;
    border-radius: 4px;
    filter: drop-shadow(0 1px 2px rgb(0 0 0 / 0.2));
  }
  .search {
    width: 100%;
  }
  .actions {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: 0.4rem;
  }
  .offline-pill {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    padding: 0.3rem 0.7rem;
    border-radius: 999px;
    background: var(--td-surface-2);
    color: var(--td-muted);
    font-size: 0.8rem;
    font-weight: 600;
  }
  .offline-pill .icon {
    width: 1rem;
    height: 1rem;
  }
  /* Until its chunk arrives, an empty bar exactly where the player bar will be (no shift). */
  td-player-bar:not(:defined) {
    display: block;
    position: fixed;
    inset: auto 0 var(--td-below-player) 0;
    z-index: 20;
    height: calc(var(--td-player-h) + 1px + var(--td-player-pad-bottom));
    border-top: 1px solid var(--td-border);
    background: color-mix(in srgb, var(--td-surface) 97%, transparent);
  }
  ::slotted(main) {
    display: block;
    max-width: calc(var(--td-content-w) + var(--td-side-w));
    margin: 0 auto;
    padding: 0 max(0.5rem, env(safe-area-inset-right)) calc(var(--td-player-h) + var(--td-below-player) + 2rem)
      calc(var(--td-side-w) + max(0.5rem, env(safe-area-inset-left)));
    outline: none;
  }
  @media (max-width: 899px) {
    .inner {
      grid-template-columns: auto minmax(0, 1fr) auto;
      padding: 0 max(1rem, env(safe-area-inset-left));
    }
  }
  @media ${phoneMedia} {
    .inner {
      grid-template-columns: auto minmax(0, 1fr) auto;
      gap: 0.6rem;
      padding: 0 0.75rem;
    }
    .brand span,
    .offline-pill span {
      display: none;
    }
    .brand .logo {
      width: 1.9rem;
    }
    .offline-pill {
      padding: 0.4rem;
    }
    .actions {
      gap: 0.1rem;
    }
    ::slotted(main) {
      padding: 0 0.25rem calc(var(--td-player-h) + var(--td-below-player) + 1.5rem);
    }
  }
`;
