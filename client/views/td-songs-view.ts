import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PagedItems } from '../controllers/paged-items.ts';
import { fetchSongs } from '../lib/api.ts';
import { playableSongs, shuffled } from '../lib/availability.ts';
import { emit, type TdEvent } from '../lib/events.ts';
import type { Song, SongSort } from '../lib/library-types.ts';
import { localSongs } from '../lib/local-library.ts';
import '../components/td-song-list.ts';
import { keptSignature, playButtons, sortSelect } from './list-tools.ts';
import { ViewElement } from './view-element.ts';
import { emptyFor, errorNotice, plural, skeletonRows, viewHeading } from './view-parts.ts';
import './td-search-shelves.ts';

const SORTS: Record<SongSort, string> = {
  default: 'Artist',
  title: 'Title',
  added: 'Recently added',
  'recently-played': 'Recently played',
  'most-played': 'Most played',
};

/**
 * Every song (`/songs`), or the songs matching a search (`/search?q=`, with matching artists and
 * albums above). Virtualised and fetched a page at a time as it scrolls; sortable; offline, the
 * songs this device keeps.
 */
@customElement('td-songs-view')
export class TdSongsView extends ViewElement {
  /** `/search`: the header's search box drives `q`. */
  @property({ type: Boolean }) search = false;
  private readonly _songs = new PagedItems<Song>(this, {
    onReachability: (reachable) => this.reportReach(reachable),
  });

  protected willUpdate(changed: PropertyValues<this>): void {
    const ctx = this.ctx;
    const q = this._q;
    const sort = this._sort;
    const offlineSongs = ctx.offlineSongs;
    this._songs.use({
      key: JSON.stringify([q, sort, ctx.online, ctx.offlineOnly && keptSignature(ctx)]),
      fetch: (offset, limit, signal) => fetchSongs({ q, sort, limit, offset }, signal),
      local: async () =>
        localSongs(offlineSongs.values(), { q, sort }).filter(
          (song) => !ctx.offlineOnly || ctx.states.get(song.id)?.status === 'complete',
        ),
      localOnly: ctx.offlineOnly,
    });
    const old = changed.get('ctx');
    if (old && old.epoch !== ctx.epoch) this._songs.refresh();
  }

  render() {
    const ctx = this.ctx;
    const songs = this._songs;
    const q = this._q;
    const title = this.search ? (q ? `Results for “${q}”` : 'Search') : 'Songs';
    const waiting = !ctx.ready || songs.loading;
    const count = waiting ? 'Loading…' : this._count();
    const tools = html`${playButtons(!waiting && songs.total > 0, (shuffle) => this._playAll(shuffle))}
      ${sortSelect(this, 'Sort songs', SORTS, this._sort)}`;
    return html`
      ${viewHeading(this, ctx, { title, count, tools })}
      ${this.search && q && !ctx.offlineOnly ? html`<td-search-shelves .ctx=${ctx} .q=${q}></td-search-shelves>` : nothing}
      ${errorNotice(songs.error, () => songs.refresh())}
      ${waiting ? skeletonRows() : nothing}
      ${!waiting && songs.total === 0 && !songs.error ? emptyFor(ctx, 'songs', q) : nothing}
      ${
        ctx.ready && songs.total > 0
          ? html`<td-song-list .items=${songs.items} .ctx=${ctx}
            @range-change=${(e: TdEvent<'range-change'>) => songs.want(e.detail.first, e.detail.last)}></td-song-list>`
          : nothing
      }
    `;
  }

  private get _q(): string {
    return this.ctx.query.get('q')?.slice(0, 200) ?? '';
  }
  private get _sort(): SongSort {
    const sort = this.ctx.query.get('sort');
    return sort && Object.hasOwn(SORTS, sort) ? (sort as SongSort) : 'default';
  }

  private _count(): string {
    const songs = this._songs;
    const text = plural(songs.total, 'song');
    if (this.ctx.offlineOnly) return `${text} on this device`;
    return songs.origin === 'local' ? `${text} on this device (offline)` : text;
  }

  private async _playAll(shuffle: boolean): Promise<void> {
    const songs = playableSongs(await this._songs.all(), this.ctx);
    if (songs.length > 0)
      emit(this, 'play-list-request', { songs: shuffle ? shuffled(songs) : songs });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-songs-view': TdSongsView;
  }
}
