import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Song } from '../../api/catalog/song.ts';
import { ApiError, fetchSong, fetchSongs, reachesNetwork } from '../lib/api.ts';
import { sameItems, shallowEqual } from '../lib/equal.ts';
import { whenIdle } from '../lib/idle.ts';
import { filterSongs } from '../lib/search.ts';

export interface LibraryLoaderOptions {
  /** The API could not be reached (the shell then treats the app as offline). */
  onUnreachable(): void;
  /** A list came straight from the network, no worker in between: the API is reachable. */
  onReachable(): void;
  /** Songs just learned about, for other parts of the UI. */
  onSongs(songs: Song[]): void;
  pageSize?: number;
  debounceMs?: number;
}

const MAX_ENSURE = 60;

/**
 * The library's data: online, the server searches (`q`, debounced, paged); offline or when the API
 * fails, every song seen so far is filtered locally with the same accent-insensitive rule.
 */
export class LibraryLoader implements ReactiveController {
  /** Songs for the current query: server order, or local matches. */
  items: Song[] = [];
  total = 0;
  loading = false;
  /** An API error worth showing (not a network failure, which switches to local results). */
  error: string | null = null;
  source: 'server' | 'local' = 'server';
  /** Every song loaded so far, by id. */
  readonly known = new Map<string, Song>();
  private readonly _host: ReactiveControllerHost;
  private readonly _options: Required<LibraryLoaderOptions>;
  private _query = '';
  private _online = true;
  private _started = false;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _abort: AbortController | null = null;
  private _refreshPending = false;
  private _cancelRefresh: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, options: LibraryLoaderOptions) {
    this._host = host;
    this._options = { pageSize: 100, debounceMs: 250, ...options };
    host.addController(this);
  }

  hostConnected(): void {}
  hostDisconnected(): void {
    clearTimeout(this._timer);
    this._cancelRefresh?.();
    this._abort?.abort();
  }

  /** Follow the search box and connectivity: fetch (debounced while typing) or filter locally. */
  sync(query: string, online: boolean): void {
    if (this._started && query === this._query && online === this._online) return;
    const typing = this._started && online === this._online;
    this._started = true;
    this._query = query;
    this._online = online;
    clearTimeout(this._timer);
    if (!online) {
      this._abort?.abort();
      this._showLocal();
      // Opened offline: the worker may still hold the catalog (same URL as the first online page).
      if (this.known.size === 0) void this._fetchCached();
      return;
    }
    this.loading = true;
    this._host.requestUpdate();
    // The first request is already under way (index.html preloads it): picking it up in a task of
    // its own keeps the first fetch() call, slow to set up, out of the task that first renders.
    const delay = typing ? this._options.debounceMs : 0;
    this._timer = setTimeout(() => void this._fetch(0), delay);
  }

  get hasMore(): boolean {
    return this.source === 'server' && this.items.length < this.total;
  }
  loadMore(): void {
    if (this.hasMore && !this.loading) void this._fetch(this.items.length);
  }
  retry(): void {
    void this._fetch(0);
  }

  /**
   * Fetch the first page again without disturbing the list: once the worker controls the page, this
   * lets it keep the catalog that the very first load fetched before it was there. Nobody waits for
   * it, so it runs when the page is idle, and an unchanged answer re-renders nothing.
   */
  refresh(): void {
    this._cancelRefresh?.();
    this._cancelRefresh = whenIdle(() => void this._refresh());
  }

  /** Load songs by id that no list has brought yet (songs kept offline but not on this page). */
  async ensure(ids: Iterable<string>): Promise<void> {
    const missing = [...ids].filter((id) => !this.known.has(id)).slice(0, MAX_ENSURE);
    if (missing.length === 0 || !this._online) return;
    const found = await Promise.all(missing.map((id) => fetchSong(id).catch(() => null)));
    this._remember(found.filter((song): song is Song => song !== null));
    this._host.requestUpdate();
  }

  private async _refresh(): Promise<void> {
    if (!this._online) return;
    if (this.loading) {
      this._refreshPending = true; // the request in flight may have bypassed the worker
      return;
    }
    try {
      const page = await fetchSongs({ q: this._query, limit: this._options.pageSize });
      const items = this._remember(page.items);
      if (this.source !== 'server' || this.items.length > items.length) return;
      if (page.total === this.total && sameItems(this.items, items)) return;
      this.items = items;
      this.total = page.total;
      this._host.requestUpdate();
    } catch {
      // The visible list stays; the next search or retry reports problems.
    }
  }

  private async _fetch(offset: number): Promise<void> {
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    this.loading = true;
    this.error = null;
    this._host.requestUpdate();
    const { pageSize } = this._options;
    // Without a worker in between, an answer can only come from the server itself.
    const direct = reachesNetwork();
    try {
      const page = await fetchSongs({ q: this._query, limit: pageSize, offset }, abort.signal);
      const items = this._remember(page.items);
      this.items = offset === 0 ? items : [...this.items, ...items];
      this.total = page.total;
      this.source = 'server';
      if (direct) this._options.onReachable();
    } catch (error) {
      if (abort.signal.aborted) return;
      if (error instanceof ApiError && !error.isNetwork) this.error = error.message;
      else {
        this._options.onUnreachable();
        this._showLocal();
      }
    }
    this.loading = false;
    this._host.requestUpdate();
    if (this._refreshPending) {
      this._refreshPending = false;
      void this.refresh();
    }
  }

  private async _fetchCached(): Promise<void> {
    const abort = new AbortController();
    this._abort = abort;
    try {
      this._remember((await fetchSongs({ limit: this._options.pageSize }, abort.signal)).items);
      if (!this._online) this._showLocal();
    } catch {
      // Nothing cached either: the empty state explains it.
    }
  }

  private _showLocal(): void {
    this.items = filterSongs(this.known.values(), this._query);
    this.total = this.items.length;
    this.source = 'local';
    this.loading = false;
    this.error = null;
    this._host.requestUpdate();
  }

  /**
   * Record `songs` and return them as the objects already known when nothing changed, so rows keep
   * their `song` and do not re-render. Only new or changed songs are announced.
   */
  private _remember(songs: Song[]): Song[] {
    const fresh: Song[] = [];
    const items = songs.map((song) => {
      const known = this.known.get(song.id);
      if (known && shallowEqual(known, song)) return known;
      this.known.set(song.id, song);
      fresh.push(song);
      return song;
    });
    if (fresh.length > 0) this._options.onSongs(fresh);
    return items;
  }
}
