import { css } from 'lit';

export const storagePanelStyles = css`
  :host {
    display: contents;
  }
  dialog {
    width: min(30rem, calc(100vw - 1.5rem));
    max-height: min(44rem, calc(100dvh - 2rem));
    padding: 0;
    border: 1px solid var(--td-border);
    border-radius: 18px;
    background: var(--td-surface);
    color: var(--td-text);
    box-shadow: var(--td-shadow);
  }
  dialog::backdrop {
    background: rgb(10 8 14 / 0.45);
    backdrop-filter: blur(2px);
  }
  dialog[open] {
    animation: appear 0.2s ease-out;
  }
  @keyframes appear {
    from {
      opacity: 0;
      transform: translateY(10px) scale(0.98);
    }
  }
  .panel {
    padding: 0.75rem 1.25rem 1.25rem;
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    margin-right: -0.6rem;
  }
  h2 {
    margin: 0;
    font-size: 1.2rem;
  }
  h3 {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 1.4rem 0 0.5rem;
    font-size: 0.95rem;
  }
  .n {
    padding: 0 0.5rem;
    border-radius: 999px;
    background: var(--td-surface-2);
    color: var(--td-muted);
    font-size: 0.8rem;
    line-height: 1.4rem;
  }
  .muted,
  .hint {
    color: var(--td-muted);
    font-size: 0.86rem;
    line-height: 1.45;
  }
  p {
    margin: 0.35rem 0 0;
  }
  .usage {
    margin-top: 0.75rem;
  }
  .big {
    display: flex;
    align-items: baseline;
    gap: 0.45rem;
  }
  .big strong {
    font-size: 1.6rem;
    letter-spacing: -0.02em;
  }
  .meter {
    height: 8px;
    margin: 0.6rem 0 0.6rem;
    border-radius: 4px;
    background: var(--td-surface-2);
    overflow: hidden;
  }
  .meter span {
    display: block;
    height: 100%;
    border-radius: 4px;
    background: var(--td-accent);
    transition: width 0.3s;
  }
  .budget {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    margin-top: 1rem;
    font-size: 0.9rem;
    font-weight: 600;
  }
  select {
    min-height: 2.25rem;
    padding: 0 0.6rem;
    border: 1px solid var(--td-border);
    border-radius: 8px;
    background: var(--td-surface);
    color: var(--td-text);
    font: inherit;
    font-weight: 500;
  }
  .hint {
    margin-top: 0.3rem;
    font-size: 0.8rem;
  }
  .songs {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: 14rem;
    overflow-y: auto;
    border: 1px solid var(--td-border);
    border-radius: 12px;
  }
  .songs li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.45rem 0.4rem 0.45rem 0.8rem;
  }
  .songs li + li {
    border-top: 1px solid var(--td-border);
  }
  .text {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .text > * {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .title {
    font-weight: 600;
    font-size: 0.9rem;
  }
  .text .muted {
    font-size: 0.8rem;
  }
  .footer {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-top: 1.25rem;
  }
  .danger {
    color: var(--td-danger);
  }
  .confirm {
    margin-top: 1.25rem;
    padding: 0.9rem 1rem;
    border-radius: 12px;
    background: var(--td-danger-soft);
  }
  .confirm p {
    margin: 0;
    font-size: 0.9rem;
    line-height: 1.45;
  }
  .confirm .footer {
    margin-top: 0.75rem;
  }
`;
