import { css } from 'lit';

/** Base rules every element shares: box model, icons, focus rings, visually-hidden text. */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--td-font);
    color: var(--td-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  .icon {
    width: 1.25rem;
    height: 1.25rem;
    flex: none;
    display: block;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 2px solid var(--td-accent);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation-duration: 0.01ms !important;
      transition-duration: 0.01ms !important;
    }
  }
`;

/** Buttons: round icon buttons, filled primary, quiet secondary. */
export const buttonStyles = css`
  button {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    padding: 0;
    margin: 0;
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
    opacity: 0.4;
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    border-radius: 50%;
    color: var(--td-muted);
    transition: background-color 0.15s, color 0.15s;
  }
  .icon-button:not(:disabled):hover {
    background: var(--td-hover);
    color: var(--td-text);
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.45rem;
    min-height: 2.5rem;
    padding: 0 1.1rem;
    border-radius: 999px;
    font-weight: 600;
    font-size: 0.9rem;
    white-space: nowrap;
    transition: background-color 0.15s, color 0.15s, border-color 0.15s;
  }
  .btn-primary {
    background: var(--td-accent);
    color: var(--td-on-accent);
  }
  .btn-primary:not(:disabled):hover {
    background: var(--td-accent-hover);
  }
  .btn-quiet {
    border: 1px solid var(--td-border);
    background: var(--td-surface);
  }
  .btn-quiet:not(:disabled):hover {
    background: var(--td-hover);
  }
  .btn-danger {
    background: var(--td-danger);
    color: #fff;
  }
`;

/** Range inputs (seek, volume): a thin track that fills up to the value via `--fill` (0–100 %). */
export const rangeStyles = css`
  input[type='range'] {
    --fill: 0%;
    --range-color: var(--td-text);
    appearance: none;
    -webkit-appearance: none;
    background: transparent;
    width: 100%;
    height: 1.25rem;
    margin: 0;
    cursor: pointer;
  }
  input[type='range']::-webkit-slider-runnable-track {
    height: 4px;
    border-radius: 2px;
    background: linear-gradient(to right, var(--range-color) var(--fill), var(--td-surface-2) var(--fill));
  }
  input[type='range']::-moz-range-track {
    height: 4px;
    border-radius: 2px;
    background: linear-gradient(to right, var(--range-color) var(--fill), var(--td-surface-2) var(--fill));
  }
  input[type='range']::-webkit-slider-thumb {
    -webkit-appearance: none;
    width: 12px;
    height: 12px;
    margin-top: -4px;
    border-radius: 50%;
    background: var(--td-text);
    border: 0;
    transform: scale(0);
    transition: transform 0.12s;
  }
  input[type='range']::-moz-range-thumb {
    width: 12px;
    height: 12px;
    border-radius: 50%;
    background: var(--td-text);
    border: 0;
    transform: scale(0);
    transition: transform 0.12s;
  }
  input[type='range']:hover::-webkit-slider-thumb,
  input[type='range']:focus-visible::-webkit-slider-thumb,
  input[type='range']:active::-webkit-slider-thumb {
    transform: scale(1);
  }
  input[type='range']:hover::-moz-range-thumb,
  input[type='range']:focus-visible::-moz-range-thumb {
    transform: scale(1);
  }
  input[type='range']:hover,
  input[type='range']:focus-visible {
    --range-color: var(--td-accent);
  }
  input[type='range']:disabled {
    cursor: default;
    opacity: 0.5;
  }
`;
