import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { whenIdle } from '../lib/idle.ts';

export interface ProgressiveListOptions {
  /** Rows added per idle period once the first screenful is shown. */
  chunk?: number;
  /** The smallest row height, to know how many rows fill the viewport. */
  rowHeight?: number;
}

/**
 * How many rows of a long list to render now: a screenful at once, the rest in chunks when the page
 * is idle, so a page of 100 songs never becomes one long task in front of the first paint.
 */
export class ProgressiveList implements ReactiveController {
  private readonly _host: ReactiveControllerHost;
  private readonly _chunk: number;
  private readonly _rowHeight: number;
  private _limit: number;
  private _total = 0;
  private _cancel: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, options: ProgressiveListOptions = {}) {
    this._host = host;
    this._chunk = options.chunk ?? 20;
    this._rowHeight = options.rowHeight ?? 56;
    this._limit = this._screenful();
    host.addController(this);
  }

  hostConnected(): void {}
  hostDisconnected(): void {
    this._cancel?.();
    this._cancel = undefined;
  }

  /** Every row of the list last taken is rendered. */
  get complete(): boolean {
    return this._limit >= this._total;
  }

  /** Start again from a screenful (a new query or filter: the list is a new one). */
  reset(): void {
    this._limit = this._screenful();
  }

  /** From `render`: how many of `total` rows to render now; schedules the next chunk if needed. */
  take(total: number): number {
    this._total = total;
    if (total > this._limit && !this._cancel) {
      this._cancel = whenIdle(() => {
        this._cancel = undefined;
        this._limit += this._chunk;
        this._host.requestUpdate();
      }, 300);
    }
    return Math.min(total, this._limit);
  }

  private _screenful(): number {
    const height = globalThis.innerHeight || 1000;
    return Math.ceil(height / this._rowHeight) + 2;
  }
}
