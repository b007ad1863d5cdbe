import { css } from 'lit';
import { textFieldStyles } from '../styles/text-field.ts';

/** The small inline forms of the playlist views (new, rename) and the delete confirmation. */
export const formStyles = css`
  ${textFieldStyles}
  form {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
    margin: 0 12px 1rem;
  }
  form input {
    flex: 1 1 14rem;
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
