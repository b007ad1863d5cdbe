import { css } from 'lit';

/**
 * The sign-in, first-account, password and listeners forms. Document-level (they render in the
 * light DOM), so every rule is scoped under `.td-auth`.
 */
export const authFormStyles = css`
  .td-auth,
  .td-auth * {
    box-sizing: border-box;
  }
  .td-auth {
    font-family: var(--td-font);
    color: var(--td-text);
  }
  .td-auth-page {
    display: grid;
    place-items: start center;
    min-height: calc(100dvh - var(--td-header-h) - 4rem);
    padding: clamp(1.5rem, 8vh, 5rem) 1rem 3rem;
  }
  .td-auth-card {
    width: min(100%, 24rem);
    padding: 2rem 1.75rem 1.75rem;
    border: 1px solid var(--td-border);
    border-radius: var(--td-radius);
    background: var(--td-surface);
    box-shadow: var(--td-shadow);
  }
  .td-auth h1,
  .td-auth h2 {
    margin: 0 0 0.4rem;
    font-size: 1.4rem;
    font-weight: 750;
    letter-spacing: -0.01em;
  }
  .td-auth h3 {
    margin: 1.5rem 0 0.6rem;
    font-size: 1rem;
  }
  .td-auth p {
    margin: 0 0 1rem;
    line-height: 1.45;
  }
  .td-auth .td-muted {
    color: var(--td-muted);
    font-size: 0.92rem;
  }
  .td-auth form {
    display: grid;
    gap: 0.35rem;
  }
  .td-auth label {
    margin-top: 0.65rem;
    font-weight: 600;
    font-size: 0.9rem;
  }
  .td-auth label.td-check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 500;
  }
  .td-auth input:not([type='checkbox']) {
    width: 100%;
    min-height: 2.75rem;
    padding: 0 0.85rem;
    border: 1px solid var(--td-border);
    border-radius: 10px;
    background: var(--td-bg);
    color: var(--td-text);
    font: inherit;
    font-size: 1rem;
  }
  .td-auth input[type='checkbox'] {
    width: 1.1rem;
    height: 1.1rem;
    accent-color: var(--td-accent);
  }
  .td-auth input:focus-visible,
  .td-auth button:focus-visible {
    outline: 2px solid var(--td-accent);
    outline-offset: 2px;
  }
  .td-auth-error {
    min-height: 1.4em;
    margin: 0.5rem 0 0;
    color: var(--td-danger);
    font-size: 0.92rem;
    font-weight: 600;
  }
  .td-auth-error:empty {
    min-height: 0.5rem;
  }
  .td-auth-notice {
    padding: 0.7rem 0.9rem;
    border-radius: 10px;
    background: var(--td-accent-soft);
    font-size: 0.92rem;
  }
  .td-auth-notice.td-danger {
    background: var(--td-danger-soft);
  }
  .td-auth button {
    font: inherit;
    cursor: pointer;
  }
  .td-auth button:disabled {
    cursor: default;
    opacity: 0.5;
  }
  .td-btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 2.5rem;
    padding: 0 1.1rem;
    border: 1px solid transparent;
    border-radius: 999px;
    font-weight: 600;
    font-size: 0.9rem;
    white-space: nowrap;
    color: inherit;
    background: none;
  }
  .td-btn-primary {
    margin-top: 0.6rem;
    min-height: 2.75rem;
    background: var(--td-accent);
    color: var(--td-on-accent);
  }
  .td-btn-primary:not(:disabled):hover {
    background: var(--td-accent-hover);
  }
  .td-btn-quiet {
    border-color: var(--td-border);
    background: var(--td-surface);
  }
  .td-btn-quiet:not(:disabled):hover {
    background: var(--td-hover);
  }
  .td-btn-danger {
    background: var(--td-danger);
    color: #fff;
  }
  .td-btn-small {
    min-height: 2rem;
    padding: 0 0.75rem;
    font-size: 0.82rem;
  }
`;
