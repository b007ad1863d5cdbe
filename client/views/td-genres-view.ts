import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { Resource } from '../controllers/resource.ts';
import { fetchGenres } from '../lib/api.ts';
import type { Genre } from '../lib/library-types.ts';
import { localGenres } from '../lib/local-library.ts';
import { hrefs } from '../router/routes.ts';
import { keptIndex } from './kept-index.ts';
import { ViewElement } from './view-element.ts';
import { emptyFor, errorNotice, plural, skeletonRows, viewHeading } from './view-parts.ts';

/** Every genre with its counts (`/genres`); each is a link to its albums. */
@customElement('td-genres-view')
export class TdGenresView extends ViewElement {
  static styles = [
    ...ViewElement.styles,
    css`
      ul {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
        gap: 8px;
        margin: 0;
        padding: 0 12px;
        list-style: none;
      }
      a {
        display: flex;
        flex-direction: column;
        gap: 0.2rem;
        padding: 0.9rem 1rem;
        border: 1px solid var(--td-border);
        border-radius: var(--td-radius);
        background: var(--td-surface);
        color: inherit;
        text-decoration: none;
      }
      a:hover {
        background: var(--td-hover);
      }
      a.dimmed {
        opacity: 0.45;
      }
      .name {
        font-weight: 650;
      }
      .counts {
        color: var(--td-muted);
        font-size: 0.85rem;
      }
    `,
  ];

  private readonly _genres = new Resource<Genre[]>(this, (ok) => this.reportReach(ok));

  protected willUpdate(changed: PropertyValues<this>): void {
    const ctx = this.ctx;
    const songs = ctx.offlineSongs;
    this._genres.use({
      key: JSON.stringify([ctx.online, ctx.offlineOnly]),
      fetch: async (signal) => (await fetchGenres(signal)).items,
      local: () =>
        localGenres([...songs.values()].filter((s) => ctx.states.get(s.id)?.status === 'complete')),
      localOnly: ctx.offlineOnly,
    });
    const old = changed.get('ctx');
    if (old && old.epoch !== ctx.epoch) this._genres.reload();
  }

  render() {
    const ctx = this.ctx;
    const genres = this._genres.value ?? [];
    const waiting = !ctx.ready || this._genres.loading;
    const kept = keptIndex(ctx).genres;
    return html`
      ${viewHeading(this, ctx, { title: 'Genres', count: waiting ? 'Loading…' : plural(genres.length, 'genre') })}
      ${errorNotice(this._genres.error, () => this._genres.reload())}
      ${waiting ? skeletonRows(4) : nothing}
      ${!waiting && genres.length === 0 && !this._genres.error ? emptyFor(ctx, 'genres') : nothing}
      <ul>
        ${genres.map((genre) => {
          const dimmed = !ctx.online && !kept.has(genre.name.toLocaleLowerCase('en'));
          return html`<li><a class=${dimmed ? 'dimmed' : ''} href=${hrefs.genre(genre.name)} data-testid="genre">
            <span class="name">${genre.name}</span>
            <span class="counts">${plural(genre.albumCount, 'album')} · ${plural(genre.songCount, 'song')}</span>
          </a></li>`;
        })}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-genres-view': TdGenresView;
  }
}
