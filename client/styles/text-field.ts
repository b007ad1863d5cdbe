import { css } from 'lit';

/**
 * The app's one-line text field, a pill (new and renamed playlists, the playlist picker's new
 * playlist). How wide it grows is its form's business. Text fields only: a view's checkbox (the
 * "Available offline" chip) is left as it is. The sign-in forms have their own, larger fields
 * (styles/auth-forms.ts).
 */
export const textFieldStyles = css`
  input:not([type]),
  input[type='text'] {
    min-width: 0;
    min-height: 2.5rem;
    padding: 0 0.9rem;
    border: 1px solid var(--td-border);
    border-radius: 999px;
    background: var(--td-surface);
    color: var(--td-text);
    font: inherit;
  }
`;
