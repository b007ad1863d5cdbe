import { css } from 'lit';
import { ghostRowStyles } from '../components/ghost-row.ts';
import { phoneMedia } from '../styles/breakpoints.ts';

/** What every view shares: its heading and toolbar, the offline chip, notices, empty states. */
export const viewStyles = css`
  :host {
    display: block;
  }
  .toolbar {
    display: flex;
    align-items: flex-end;
    justify-content: space-between;
    gap: 1rem;
    flex-wrap: wrap;
    padding: 1.5rem 12px 1rem;
  }
  h1 {
    margin: 0;
    outline: none;
    font-size: clamp(1.5rem, 1.2rem + 1.2vw, 2rem);
    letter-spacing: -0.02em;
  }
  .count {
    margin: 0.2rem 0 0;
    color: var(--td-muted);
    font-size: 0.9rem;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.25rem;
    padding: 0 0.9rem 0 0.7rem;
    border: 1px solid var(--td-border);
    border-radius: 999px;
    background: var(--td-surface);
    font-size: 0.88rem;
    font-weight: 600;
    cursor: pointer;
    user-select: none;
    transition: background-color 0.15s, border-color 0.15s;
  }
  .chip:hover {
    background: var(--td-hover);
  }
  .chip:has(input:checked) {
    background: var(--td-accent-soft);
    border-color: var(--td-accent);
    color: var(--td-accent);
  }
  .chip:has(input:focus-visible) {
    outline: 2px solid var(--td-accent);
    outline-offset: 2px;
  }
  .chip input {
    appearance: none;
    width: 1rem;
    height: 1rem;
    margin: 0;
    border: 2px solid currentColor;
    border-radius: 4px;
    display: grid;
    place-items: center;
    cursor: pointer;
  }
  .chip input:focus-visible {
    outline: none;
  }
  .chip input:checked {
    background: currentColor;
  }
  .chip input:checked::after {
    content: '';
    width: 0.45rem;
    height: 0.25rem;
    border: solid var(--td-surface);
    border-width: 0 0 2px 2px;
    transform: translateY(-1px) rotate(-45deg);
  }
  .banner {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    margin: 0 12px 0.75rem;
    padding: 0.7rem 1rem;
    border-radius: var(--td-radius);
    background: var(--td-surface-2);
    font-size: 0.9rem;
  }
  .notice {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    margin: 0 12px 0.75rem;
    padding: 0.6rem 0.6rem 0.6rem 1rem;
    border-radius: var(--td-radius);
    background: var(--td-danger-soft);
    color: var(--td-danger);
  }
  .notice p {
    margin: 0;
  }
  .tools {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  select {
    min-height: 2.25rem;
    padding: 0 0.6rem;
    border: 1px solid var(--td-border);
    border-radius: 999px;
    background: var(--td-surface);
    color: var(--td-text);
    font: inherit;
    font-size: 0.88rem;
  }
  h2.section {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 1rem;
    margin: 1.5rem 12px 0.6rem;
    font-size: 1.15rem;
  }
  h2.section a {
    color: var(--td-accent);
    font-size: 0.88rem;
    font-weight: 600;
    text-decoration: none;
  }
  h2.section a:hover {
    text-decoration: underline;
  }
  .empty {
    padding: 4rem 1.5rem;
    text-align: center;
    color: var(--td-muted);
  }
  .empty h2 {
    margin: 0 0 0.4rem;
    color: var(--td-text);
    font-size: 1.15rem;
  }
  .empty p {
    margin: 0 auto;
    max-width: 28rem;
    line-height: 1.5;
  }
  .skeleton {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  /* A view's skeleton: ghost rows (ghost-row.ts, as a list shows them), pulsing while it loads. */
  ${ghostRowStyles}
  .skeleton .ghost i,
  .skeleton .ghost b {
    animation: pulse 1.4s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media ${phoneMedia} {
    .toolbar {
      padding: 1rem 8px 0.75rem;
    }
  }
`;
