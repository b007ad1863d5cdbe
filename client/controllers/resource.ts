import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../lib/api.ts';

export interface ResourceSource<T> {
  /** Names what is loaded: a new key loads again. */
  key: string;
  fetch(signal: AbortSignal): Promise<T>;
  /** The same thing rebuilt from what this device keeps, when the server cannot answer. */
  local?: () => T | null;
  /** Use `local` straight away. */
  localOnly?: boolean;
}

/**
 * One thing a view shows (an album, an artist, a playlist): fetched when its key changes, from the
 * server (or the worker's copy), else rebuilt from what this device keeps.
 */
export class Resource<T> implements ReactiveController {
  value: T | null = null;
  loading = true;
  /** The server says there is no such thing. */
  notFound = false;
  error: string | null = null;
  origin: 'server' | 'local' = 'server';
  private readonly _host: ReactiveControllerHost;
  private readonly _onReachability: (reachable: boolean) => void;
  private _source: ResourceSource<T> | null = null;
  private _abort = new AbortController();

  constructor(
    host: ReactiveControllerHost,
    onReachability: (reachable: boolean) => void = () => {},
  ) {
    this._host = host;
    this._onReachability = onReachability;
    host.addController(this);
  }

  hostConnected(): void {}
  hostDisconnected(): void {
    this._abort.abort();
  }

  use(source: ResourceSource<T>): void {
    const changed = this._source?.key !== source.key;
    this._source = source;
    if (changed) void this._load(source, true);
  }

  /** Load again, keeping what is shown until the answer comes (after a change, or on retry). */
  reload(): void {
    if (this._source) void this._load(this._source, false);
  }

  private async _load(source: ResourceSource<T>, blank: boolean): Promise<void> {
    this._abort.abort();
    const abort = new AbortController();
    this._abort = abort;
    if (blank) this.value = null;
    this.loading = blank;
    this.notFound = false;
    this.error = null;
    this._host.requestUpdate();
    try {
      if (source.localOnly) throw new ApiError('local only', 0);
      this.value = await source.fetch(abort.signal);
      this.origin = 'server';
      this._onReachability(true);
    } catch (error) {
      if (abort.signal.aborted) return;
      if (error instanceof ApiError && error.status === 404) this.notFound = true;
      else if (error instanceof ApiError && !error.isNetwork) this.error = error.message;
      else {
        if (!source.localOnly) this._onReachability(false);
        this.value = source.local?.() ?? null;
        this.origin = 'local';
        this.notFound = this.value === null;
      }
    }
    this.loading = false;
    this._host.requestUpdate();
  }
}
