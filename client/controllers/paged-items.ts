import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../lib/api.ts';

/** Where a long list comes from: server pages, or (offline) everything this device holds. */
export interface PageSource<T> {
  /** Names the list (path, query, sort, mode): a source with a new key starts over. */
  key: string;
  fetch(offset: number, limit: number, signal: AbortSignal): Promise<{ items: T[]; total: number }>;
  /** The whole list from what this device keeps, when the server cannot answer. */
  local?: () => Promise<T[]>;
  /** Use `local` straight away ("Available offline" shows only what this device keeps). */
  localOnly?: boolean;
}

export interface PagedItemsOptions {
  pageSize?: number;
  /** Pages fetched at once while scrolling fast. */
  parallel?: number;
  /** Pages kept in memory (the ones nearest to the screen). */
  keepPages?: number;
  /** The API could not be reached / answered straight from the network. */
  onReachability?(reachable: boolean): void;
}

/**
 * A long list fetched a page at a time as it comes into view (`want(first, last)` from the
 * virtualizer's range). `items` has one slot per item of the whole list, `undefined` until its page
 * arrives, so the scroll bar is right from the first answer. A new array is assigned whenever a
 * page lands, so Lit notices. Offline, the source's `local` list stands in.
 */
export class PagedItems<T> implements ReactiveController {
  items: readonly (T | undefined)[] = [];
  total = 0;
  /** No answer yet for this source. */
  loading = true;
  /** An answer worth showing (not a network failure: that falls back to `local`). */
  error: string | null = null;
  origin: 'server' | 'local' = 'server';
  private readonly _host: ReactiveControllerHost;
  private readonly _pageSize: number;
  private readonly _parallel: number;
  private readonly _keepPages: number;
  private readonly _onReachability: (reachable: boolean) => void;
  private _source: PageSource<T> | null = null;
  private _abort = new AbortController();
  private readonly _loaded = new Set<number>();
  private readonly _inFlight = new Set<number>();
  private _wanted: number[] = [];
  private _range: [number, number] = [0, 0];

  constructor(host: ReactiveControllerHost, options: PagedItemsOptions = {}) {
    this._host = host;
    this._pageSize = options.pageSize ?? 100;
    this._parallel = options.parallel ?? 2;
    this._keepPages = options.keepPages ?? 30;
    this._onReachability = options.onReachability ?? (() => {});
    host.addController(this);
  }

  hostConnected(): void {}
  hostDisconnected(): void {
    this._abort.abort();
  }

  get pageSize(): number {
    return this._pageSize;
  }

  /** Follow `source`; a new key drops what was loaded and fetches the first page. */
  use(source: PageSource<T>): void {
    if (this._source?.key === source.key) {
      this._source = source;
      return;
    }
    this._source = source;
    this._abort.abort();
    this._abort = new AbortController();
    this._loaded.clear();
    this._inFlight.clear();
    this._wanted = [0];
    this.items = [];
    this.total = 0;
    this.loading = true;
    this.error = null;
    this.origin = 'server';
    if (source.localOnly) void this._showLocal(source, this._abort.signal);
    else this._pump();
  }

  /** Items `first`…`last` are (nearly) on screen: fetch their pages and one page beyond. */
  want(first: number, last: number): void {
    this._range = [first, last];
    if (this.origin === 'local' || this.loading) return;
    const from = Math.max(0, Math.floor(first / this._pageSize));
    const to = Math.floor((last + this._pageSize / 2) / this._pageSize);
    const wanted: number[] = [];
    for (let page = from; page <= to && page * this._pageSize < this.total; page++) {
      if (!this._loaded.has(page) && !this._inFlight.has(page)) wanted.push(page);
    }
    this._wanted = wanted; // pages scrolled past are not fetched any more
    this._pump();
  }

  /**
   * Fetch the list up to `max` items (to play or shuffle it whole); resolves with what is loaded.
   * A queue of thousands is plenty: the rest of a 100 000-song library is not fetched for it.
   */
  async all(max = 2000): Promise<T[]> {
    const source = this._source;
    if (!source || this.origin === 'local') return this.loadedItems();
    const pages = Math.ceil(Math.min(this.total, max) / this._pageSize);
    const missing: number[] = [];
    for (let page = 0; page < pages; page++) if (!this._loaded.has(page)) missing.push(page);
    await Promise.all(missing.map((page) => this._load(source, page, this._abort.signal)));
    return this.loadedItems();
  }

  loadedItems(): T[] {
    return this.items.filter((item): item is T => item !== undefined);
  }

  /** Reload what is loaded without blanking the list (the worker took control, data changed). */
  refresh(): void {
    const source = this._source;
    if (!source) return;
    this._source = null;
    const keep = { items: this.items, total: this.total };
    this.use(source);
    this.items = keep.items;
    this.total = keep.total;
  }

  private _pump(): void {
    const source = this._source;
    if (!source) return;
    while (this._inFlight.size < this._parallel && this._wanted.length > 0) {
      const page = this._wanted.shift() as number;
      if (this._loaded.has(page) || this._inFlight.has(page)) continue;
      void this._load(source, page, this._abort.signal);
    }
  }

  private async _load(source: PageSource<T>, page: number, signal: AbortSignal): Promise<void> {
    this._inFlight.add(page);
    try {
      const answer = await source.fetch(page * this._pageSize, this._pageSize, signal);
      if (signal.aborted) return;
      this._place(page, answer.items, answer.total);
      this._onReachability(true);
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof ApiError && !error.isNetwork) this.error = error.message;
      else if (page === 0) await this._fallBack(source, signal);
      else this._onReachability(false);
    } finally {
      if (!signal.aborted) {
        this._inFlight.delete(page);
        const first = this.loading;
        this.loading = false;
        this._host.requestUpdate();
        if (first) this.want(...this._range); // the range asked for while the first page loaded
        this._pump();
      }
    }
  }

  private _place(page: number, items: T[], total: number): void {
    const next = this.total === total ? this.items.slice() : new Array<T | undefined>(total);
    if (this.total !== total) this._loaded.clear(); // the list changed size: earlier pages are stale
    items.forEach((item, i) => {
      const index = page * this._pageSize + i;
      if (index < total) next[index] = item;
    });
    next.length = total;
    this._loaded.add(page);
    this._forgetFarPages(next);
    this.items = next;
    this.total = total;
    this.origin = 'server';
  }

  /**
   * Keep at most `keepPages` pages: those farthest from what is on screen are dropped (fetched again
   * if scrolled back to). Scrolling through 100 000 songs otherwise keeps them all as objects, and
   * the page's garbage collections grow into long tasks.
   */
  private _forgetFarPages(items: (T | undefined)[]): void {
    if (this._loaded.size <= this._keepPages) return;
    const here = Math.floor(this._range[0] / this._pageSize);
    const byDistance = [...this._loaded].sort((a, b) => Math.abs(b - here) - Math.abs(a - here));
    for (const page of byDistance.slice(0, this._loaded.size - this._keepPages)) {
      this._loaded.delete(page);
      const end = Math.min(items.length, (page + 1) * this._pageSize);
      for (let i = page * this._pageSize; i < end; i++) items[i] = undefined;
    }
  }

  private async _fallBack(source: PageSource<T>, signal: AbortSignal): Promise<void> {
    this._onReachability(false);
    if (source.local) await this._showLocal(source, signal);
    else this.error = 'Could not reach the Tapedeck server.';
  }

  private async _showLocal(source: PageSource<T>, signal: AbortSignal): Promise<void> {
    const items = (await source.local?.()) ?? [];
    if (signal.aborted) return;
    this.items = items;
    this.total = items.length;
    this.origin = 'local';
    this.loading = false;
    this._host.requestUpdate();
  }
}
