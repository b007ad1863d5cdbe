import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { OfflineState, StorageReport } from '../../sw/protocol.ts';
import { emit } from '../lib/events.ts';
import { formatBytes, formatPercent } from '../lib/format.ts';
import { iconClose, iconRemove } from '../lib/icons.ts';
import type { Song } from '../lib/library-types.ts';
import { baseStyles, buttonStyles } from '../styles/shared.ts';
import { storagePanelStyles } from './td-storage-panel.styles.ts';

const BUDGETS = [250e6, 500e6, 1e9, 2e9, 5e9, 10e9];

/**
 * Offline storage: space used by songs against the budget, the device quota, the songs kept,
 * a budget choice and "Clear offline songs" (asks for confirmation first). A modal dialog.
 */
@customElement('td-storage-panel')
export class TdStoragePanel extends LitElement {
  static styles = [baseStyles, buttonStyles, storagePanelStyles];

  @property({ type: Boolean, reflect: true }) open = false;
  /** Latest report from the worker; null until it answers. */
  @property({ attribute: false }) report: StorageReport | null = null;
  /** Offline state per song id. */
  @property({ attribute: false }) states: ReadonlyMap<string, OfflineState> = new Map();
  /** Songs known to the page, to name the ids in `states`. */
  @property({ attribute: false }) songs: ReadonlyMap<string, Song> = new Map();

  @state() private _confirming = false;
  @query('dialog') private _dialog!: HTMLDialogElement;

  protected updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open && !this._dialog.open) this._dialog.showModal();
    if (!this.open && this._dialog.open) this._dialog.close();
    if (!this.open) this._confirming = false;
  }

  render() {
    const kept = [...this.states.values()].filter((s) => s.status !== 'none' || s.downloading);
    const bytes = kept.reduce((sum, s) => sum + s.cachedBytes, 0);
    return html`<dialog data-testid="storage-panel" aria-labelledby="storage-title" @close=${this._onClose} @click=${this._onBackdrop}>
      <div class="panel">
        <header>
          <h2 id="storage-title">Offline storage</h2>
          <button class="icon-button" aria-label="Close" @click=${this._requestClose}>${iconClose()}</button>
        </header>
        ${this._renderUsage(bytes)}
        <h3>Songs on this device <span class="n">${kept.length}</span></h3>
        ${
          kept.length > 0
            ? html`<ul class="songs">${kept.map((s) => this._renderSong(s))}</ul>`
            : html`<p class="muted">None yet. Songs you play are kept here automatically.</p>`
        }
        ${this._renderClear(kept.length, bytes)}
      </div>
    </dialog>`;
  }

  private _renderUsage(bytes: number) {
    const r = this.report;
    const songBytes = r?.songBytes ?? bytes;
    const budget = r?.budget ?? 0;
    const pct = budget > 0 ? Math.min(100, (songBytes / budget) * 100) : 0;
    const options =
      budget > 0 && !BUDGETS.includes(budget)
        ? [...BUDGETS, budget].sort((a, b) => a - b)
        : BUDGETS;
    return html`<section class="usage">
      <div class="big"><strong>${formatBytes(songBytes)}</strong>
        <span class="muted">${budget > 0 ? `of ${formatBytes(budget)} for songs` : 'used by songs'}</span></div>
      <div class="meter" role="meter" aria-label="Space used by offline songs" aria-valuemin="0"
        aria-valuemax="100" aria-valuenow=${Math.round(pct)}><span style="width: ${pct}%"></span></div>
      ${
        r
          ? html`<p class="muted">This site uses ${formatBytes(r.usage)} of the ${formatBytes(r.quota)}
          the browser allows.</p>
        <p class="muted">${
          r.persisted
            ? 'Storage is persistent: the browser will not clear it on its own.'
            : 'When the device runs low on space, the browser may clear these songs.'
        }</p>`
          : html`<p class="muted">Waiting for the offline worker…</p>`
      }
      <label class="budget">Space for songs
        <select @change=${this._onBudget} .value=${String(budget)} ?disabled=${!r}>
          ${options.map((b) => html`<option value=${b} ?selected=${b === budget}>${formatBytes(b)}</option>`)}
        </select>
      </label>
      <p class="hint">Past this, the songs played longest ago are removed first.</p>
    </section>`;
  }

  private _renderSong(state: OfflineState) {
    const song = this.songs.get(state.id);
    const pct = formatPercent(state.cachedBytes, state.size);
    const detail =
      state.status === 'complete'
        ? formatBytes(state.size)
        : `${pct}% of ${formatBytes(state.size)}`;
    return html`<li>
      <span class="text"><span class="title">${song?.title ?? 'Song not in the loaded library'}</span>
        <span class="muted">${song ? `${song.artist} · ` : ''}${detail}${state.pinned ? ' · Downloaded' : ''}</span></span>
      <button class="icon-button" aria-label="Remove ${song?.title ?? 'this song'} from this device"
        @click=${() => emit(this, 'remove-request', { id: state.id })}>${iconRemove()}</button>
    </li>`;
  }

  private _renderClear(count: number, bytes: number) {
    if (!this._confirming) {
      return html`<div class="footer"><button class="btn btn-quiet danger" data-testid="clear-offline"
        ?disabled=${count === 0} @click=${() => {
          this._confirming = true;
        }}>Clear offline songs</button></div>`;
    }
    return html`<div class="confirm" role="alertdialog" aria-label="Confirm clearing offline songs">
      <p>Remove ${count} ${count === 1 ? 'song' : 'songs'} (${formatBytes(bytes)}) from this device?
        They will need the network to play again.</p>
      <div class="footer">
        <button class="btn btn-quiet" @click=${() => {
          this._confirming = false;
        }}>Cancel</button>
        <button class="btn btn-danger" data-testid="clear-offline-confirm" @click=${this._onClear}>Remove all</button>
      </div>
    </div>`;
  }

  private _onClear(): void {
    this._confirming = false;
    emit(this, 'clear-offline-request');
  }
  private _onBudget(event: Event): void {
    emit(this, 'budget-request', { bytes: Number((event.target as HTMLSelectElement).value) });
  }
  /** Escape or a close button: the shell owns `open`, so ask it. */
  private _onClose(): void {
    if (this.open) emit(this, 'close-request');
  }
  private _requestClose(): void {
    emit(this, 'close-request');
  }
  private _onBackdrop(event: MouseEvent): void {
    if (event.target === this._dialog) emit(this, 'close-request');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-storage-panel': TdStoragePanel;
  }
}
