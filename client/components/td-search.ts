import { css, html, LitElement } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { emit } from '../lib/events.ts';
import { iconClose, iconSearch } from '../lib/icons.ts';
import { phoneMedia } from '../styles/breakpoints.ts';
import { baseStyles, buttonStyles } from '../styles/shared.ts';

/** The library search field. Emits `search-request` on every keystroke; the library debounces. */
@customElement('td-search')
export class TdSearch extends LitElement {
  static styles = [
    baseStyles,
    buttonStyles,
    css`
      :host {
        display: block;
      }
      .field {
        position: relative;
        display: flex;
        align-items: center;
      }
      .field > .icon {
        position: absolute;
        left: 0.8rem;
        color: var(--td-muted);
        pointer-events: none;
        width: 1.1rem;
        height: 1.1rem;
      }
      input {
        width: 100%;
        height: 2.5rem;
        padding: 0 2.6rem 0 2.5rem;
        border: 1px solid transparent;
        border-radius: 999px;
        background: var(--td-surface-2);
        color: var(--td-text);
        font: inherit;
        font-size: 0.95rem;
        transition: border-color 0.15s, background-color 0.15s;
      }
      input::placeholder {
        color: var(--td-muted);
      }
      input:hover {
        border-color: var(--td-border);
      }
      input:focus {
        outline: none;
        border-color: var(--td-accent);
        background: var(--td-surface);
      }
      input::-webkit-search-cancel-button {
        display: none;
      }
      kbd,
      .clear {
        position: absolute;
        right: 0.5rem;
      }
      kbd {
        padding: 0 0.45rem;
        border: 1px solid var(--td-border);
        border-radius: 5px;
        color: var(--td-muted);
        font: inherit;
        font-size: 0.75rem;
        line-height: 1.3rem;
        pointer-events: none;
      }
      .clear {
        width: 1.9rem;
        height: 1.9rem;
      }
      input:focus ~ kbd {
        display: none;
      }
      @media ${phoneMedia}, (hover: none) {
        kbd {
          display: none;
        }
      }
    `,
  ];

  /** Current text. */
  @property() value = '';
  @query('input') private _input!: HTMLInputElement;

  /** Focus the field and select its text (the `/` shortcut). */
  focusInput(): void {
    this._input.focus();
    this._input.select();
  }

  render() {
    return html`<div class="field" role="search">
      ${iconSearch()}
      <input type="search" data-testid="search" aria-label="Search songs, artists and albums"
        placeholder="Search music" autocomplete="off" spellcheck="false"
        enterkeyhint="search" .value=${this.value} @input=${this._onInput} @keydown=${this._onKeyDown} />
      ${
        this.value
          ? html`<button class="icon-button clear" aria-label="Clear search" @click=${this._onClear}>
            ${iconClose()}</button>`
          : html`<kbd aria-hidden="true">/</kbd>`
      }
    </div>`;
  }

  private _onInput(event: Event): void {
    this._set((event.target as HTMLInputElement).value);
  }

  private _onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.value) {
      event.stopPropagation();
      this._set('');
    } else if (event.key === 'Escape') this._input.blur();
  }

  private _onClear(): void {
    this._set('');
    this._input.focus();
  }

  private _set(value: string): void {
    this.value = value;
    emit(this, 'search-request', { query: value });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-search': TdSearch;
  }
}
