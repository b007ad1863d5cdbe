import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { fetchAlbums, fetchArtists } from '../lib/api.ts';
import type { Album, Artist } from '../lib/library-types.ts';
import { localAlbums, localArtists } from '../lib/local-library.ts';
import { baseStyles } from '../styles/shared.ts';
import { albumCard, artistCard, cardStyles } from './cards.ts';
import { shelf, shelfStyles } from './shelf.ts';
import type { ViewContext } from './view-context.ts';
import { viewStyles } from './view-styles.ts';

const SHOWN = 12;

/** Above search results: the artists and albums that match too. */
@customElement('td-search-shelves')
export class TdSearchShelves extends LitElement {
  static styles = [baseStyles, viewStyles, ...cardStyles, shelfStyles];

  @property({ attribute: false }) ctx!: ViewContext;
  @property() q = '';
  @state() private _albums: Album[] = [];
  @state() private _artists: Artist[] = [];
  private _abort = new AbortController();

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('q') || (changed.get('ctx')?.online ?? this.ctx.online) !== this.ctx.online) {
      void this._load();
    }
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort.abort();
  }

  render() {
    const ctx = this.ctx;
    return html`${shelf(
      'Artists',
      this._artists.map((a) => artistCard(a, ctx)),
    )}${shelf(
      'Albums',
      this._albums.map((a) => albumCard(a, ctx)),
      { href: `/albums?q=${encodeURIComponent(this.q)}`, label: 'All albums' },
    )}${this._albums.length + this._artists.length > 0 ? html`<h2 class="section">Songs</h2>` : null}`;
  }

  private async _load(): Promise<void> {
    this._abort.abort();
    const abort = new AbortController();
    this._abort = abort;
    const q = this.q;
    const local = [...this.ctx.offlineSongs.values()];
    const [albums, artists] = await Promise.all([
      fetchAlbums({ q, limit: SHOWN }, abort.signal)
        .then((page) => page.items)
        .catch(() => localAlbums(local, { q }).slice(0, SHOWN)),
      fetchArtists({ q, limit: SHOWN }, abort.signal)
        .then((page) => page.items)
        .catch(() => localArtists(local, { q }).slice(0, SHOWN)),
    ]);
    if (abort.signal.aborted) return;
    this._albums = albums;
    this._artists = artists;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-search-shelves': TdSearchShelves;
  }
}
