import { css } from 'lit';

/** The account button (the user's initial) and its drop-down menu. */
export const accountMenuStyles = css`
  :host {
    position: relative;
    display: inline-block;
  }
  .account {
    display: inline-grid;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    border-radius: 50%;
  }
  .account:hover .initial {
    background: var(--td-accent-hover);
  }
  .initial {
    display: inline-grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    border-radius: 50%;
    background: var(--td-accent);
    color: var(--td-on-accent);
    font-weight: 700;
    font-size: 0.95rem;
  }
  .menu {
    position: absolute;
    right: 0;
    top: calc(100% + 0.4rem);
    z-index: 40;
    width: min(17rem, calc(100vw - 1.5rem));
    padding: 0.4rem;
    border: 1px solid var(--td-border);
    border-radius: var(--td-radius);
    background: var(--td-surface);
    box-shadow: var(--td-shadow);
  }
  .who {
    margin: 0;
    padding: 0.6rem 0.7rem 0.7rem;
    border-bottom: 1px solid var(--td-border);
    margin-bottom: 0.3rem;
    font-size: 0.9rem;
    overflow-wrap: anywhere;
  }
  .badge {
    padding: 0.05rem 0.45rem;
    border-radius: 999px;
    background: var(--td-surface-2);
    color: var(--td-muted);
    font-size: 0.72rem;
    font-weight: 650;
  }
  .muted {
    color: var(--td-muted);
    font-size: 0.82rem;
  }
  .item {
    color: inherit;
    text-decoration: none;
    display: flex;
    align-items: center;
    gap: 0.7rem;
    width: 100%;
    min-height: 2.6rem;
    padding: 0 0.7rem;
    border-radius: 8px;
    text-align: left;
    font-size: 0.92rem;
  }
  .item:not(:disabled):hover,
  .item:focus-visible {
    background: var(--td-hover);
  }
  .confirm {
    padding: 0.4rem 0.6rem 0.6rem;
    font-size: 0.9rem;
    line-height: 1.4;
  }
  .confirm p {
    margin: 0 0 0.75rem;
  }
  .buttons {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
  }
`;
