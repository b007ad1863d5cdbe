import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * New rows a virtual list builds in full per frame, on screen and in the overhang around it. A
 * fling, or a page of songs landing, brings a whole screenful of new rows at once: building and
 * styling about 25 rows of 26 elements in one task took 40–90 ms of CPU on a quiet 2-core machine
 * and over 200 ms on a loaded one. Past the budget a row shows its placeholder for a frame or two.
 */
const ON_SCREEN_PER_FRAME = 6;
const OFF_SCREEN_PER_FRAME = 2;

/**
 * Spreads the building of a virtual list's new rows over frames, rows on screen first. The list
 * asks `admit` for each row it renders, tells `visible` and `range` from the virtualizer's
 * events, and is asked to render again the next frame while rows wait.
 */
export class RowBudget implements ReactiveController {
  /** Rows built in full, by key, with their index: dropped once out of the virtualizer's range. */
  private readonly _built = new Map<string, number>();
  private _visible: [number, number] | null = null;
  private _onScreen = ON_SCREEN_PER_FRAME;
  private _offScreen = OFF_SCREEN_PER_FRAME;
  private _frame = 0;
  private _waiting = false;
  private readonly _host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this._host = host;
    host.addController(this);
  }

  hostConnected(): void {}
  hostDisconnected(): void {
    cancelAnimationFrame(this._frame);
    this._frame = 0;
    this._built.clear();
  }

  /** Whether the row `key` at `index` is built in full now (or shown as a placeholder). */
  admit(key: string, index: number): boolean {
    if (this._built.has(key)) {
      this._built.set(key, index);
      return true;
    }
    this._nextFrame();
    const [first, last] = this._visible ?? [index, index];
    const onScreen = index >= first && index <= last;
    if (onScreen && this._onScreen > 0) this._onScreen--;
    else if (!onScreen && this._offScreen > 0) this._offScreen--;
    else {
      this._waiting = true;
      return false;
    }
    this._built.set(key, index);
    return true;
  }

  /** The rows on screen (the virtualizer's `visibilityChanged`). */
  visible(first: number, last: number): void {
    this._visible = [first, last];
  }

  /** The rows in the page (the virtualizer's `rangeChanged`): the others' elements are gone. */
  range(first: number, last: number): void {
    for (const [key, index] of this._built)
      if (index < first || index > last) this._built.delete(key);
  }

  private _nextFrame(): void {
    if (this._frame) return;
    this._frame = requestAnimationFrame(() => {
      this._frame = 0;
      this._onScreen = ON_SCREEN_PER_FRAME;
      this._offScreen = OFF_SCREEN_PER_FRAME;
      if (!this._waiting) return;
      this._waiting = false;
      this._host.requestUpdate();
    });
  }
}
