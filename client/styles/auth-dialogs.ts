import { css } from 'lit';

/**
 * The account dialogs (change password, listeners): document-level like the forms they hold,
 * scoped under `.td-auth`. Used with auth-forms.ts.
 */
export const authDialogStyles = css`
  dialog.td-auth {
    width: min(calc(100vw - 1.5rem), 34rem);
    max-height: calc(100dvh - 2rem);
    padding: 0;
    border: 1px solid var(--td-border);
    border-radius: var(--td-radius);
    background: var(--td-surface);
    box-shadow: var(--td-shadow);
  }
  dialog.td-auth::backdrop {
    background: rgb(10 8 14 / 0.45);
  }
  .td-dialog-body {
    padding: 1.25rem 1.25rem 1.5rem;
  }
  .td-dialog-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
  }
  .td-dialog-head h2 {
    margin: 0;
  }
  .td-close {
    display: inline-grid;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    border: 0;
    border-radius: 50%;
    background: none;
    color: var(--td-muted);
  }
  .td-close:hover {
    background: var(--td-hover);
    color: var(--td-text);
  }
  .td-close svg {
    width: 1.25rem;
    height: 1.25rem;
  }
  .td-admin-page {
    max-width: 44rem;
    padding: 1.5rem 12px 6rem;
  }
  .td-admin-page h1:focus {
    outline: none;
  }
  .td-users {
    list-style: none;
    margin: 0;
    padding: 0;
    border-top: 1px solid var(--td-border);
  }
  .td-users > li {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem 0;
    border-bottom: 1px solid var(--td-border);
  }
  .td-user-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 0.6rem;
  }
  .td-user-name {
    font-weight: 650;
    overflow-wrap: anywhere;
  }
  .td-badge {
    padding: 0.1rem 0.5rem;
    border-radius: 999px;
    background: var(--td-surface-2);
    color: var(--td-muted);
    font-size: 0.75rem;
    font-weight: 650;
  }
  .td-user-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  .td-auth .td-inline-form {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .td-auth .td-inline-form input {
    flex: 1 1 12rem;
  }
  .td-auth .td-inline-form .td-btn-primary {
    margin-top: 0;
  }
  .td-auth .td-inline-form label {
    flex-basis: 100%;
    margin-top: 0;
  }
  .td-row-end {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-top: 1rem;
  }
`;
