import { css } from 'lit';
import { textFieldStyles } from '../styles/text-field.ts';

/** The "Add to playlist" dialog: centred on a dimmed page, its list scrolling. */
export const pickerStyles = css`
  ${textFieldStyles}
  :host {
    position: fixed;
    inset: 0;
    z-index: 45;
    display: grid;
    place-items: center;
    padding: 1rem;
    background: rgb(0 0 0 / 0.35);
  }
  :host(:not([open])) {
    display: none;
  }
  section {
    display: flex;
    flex-direction: column;
    width: min(26rem, 100%);
    max-height: min(34rem, 90dvh);
    border-radius: 16px;
    background: var(--td-surface);
    box-shadow: var(--td-shadow);
    overflow: hidden;
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: 0.75rem 0.5rem 0.5rem 1.1rem;
  }
  h2 {
    margin: 0;
    font-size: 1.05rem;
  }
  ul {
    margin: 0;
    padding: 0 0.5rem 0.5rem;
    list-style: none;
    overflow-y: auto;
  }
  .choice {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    width: 100%;
    padding: 0.7rem 0.75rem;
    border-radius: 10px;
    text-align: left;
  }
  .choice:hover {
    background: var(--td-hover);
  }
  .count,
  .note {
    color: var(--td-muted);
    font-size: 0.85rem;
  }
  .note {
    margin: 0 1.1rem 0.75rem;
  }
  form {
    display: flex;
    gap: 0.5rem;
    padding: 0.75rem 1rem 1rem;
    border-top: 1px solid var(--td-border);
  }
  form input {
    flex: 1;
  }
  .error {
    margin: 0 1.1rem 0.75rem;
    color: var(--td-danger);
    font-size: 0.88rem;
  }
`;
