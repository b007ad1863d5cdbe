import { css } from 'lit';

/** The small inline forms of the playlist views (new, rename) and the delete confirmation. */
export const formStyles = css`
  form {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
    margin: 0 12px 1rem;
  }
  input {
    flex: 1 1 14rem;
    min-width: 0;
    min-height: 2.5rem;
    padding: 0 0.9rem;
    border: 1px solid var(--td-border);
    border-radius: 999px;
    background: var(--td-surface);
    color: var(--td-text);
    font: inherit;
  }
  .form-error {
    flex-basis: 100%;
    margin: 0;
    color: var(--td-danger);
    font-size: 0.88rem;
  }
  .confirm {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    flex-wrap: wrap;
    margin: 0 12px 1rem;
    padding: 0.6rem 0.6rem 0.6rem 1rem;
    border-radius: var(--td-radius);
    background: var(--td-danger-soft);
  }
  .confirm p {
    flex: 1;
    margin: 0;
  }
`;
