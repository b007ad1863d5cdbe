// The public export of the virtualizer's own provideResizeObserver (the polyfill loader re-exports it).
import { provideResizeObserver } from '@lit-labs/virtualizer/polyfillLoaders/ResizeObserver.js';

/**
 * A ResizeObserver that lets go of elements once they have left the document. The virtualizer
 * (@lit-labs/virtualizer 2.1) observes every child it renders and never unobserves one, so a
 * scroll through 100 000 songs kept every row it ever built observed: memory that grew with the
 * scroll and per-frame resize checks that made tasks longer the deeper the list went.
 */
class PruningResizeObserver extends ResizeObserver {
  private readonly _targets = new Set<Element>();
  private _frame = 0;

  observe(target: Element, options?: ResizeObserverOptions): void {
    super.observe(target, options);
    this._targets.add(target);
    this._frame ||= requestAnimationFrame(() => this._prune());
  }

  unobserve(target: Element): void {
    super.unobserve(target);
    this._targets.delete(target);
  }

  disconnect(): void {
    super.disconnect();
    this._targets.clear();
    cancelAnimationFrame(this._frame);
    this._frame = 0;
  }

  /** Once a frame at most: an element moved within the page is connected again by then. */
  private _prune(): void {
    this._frame = 0;
    for (const target of this._targets) if (!target.isConnected) this.unobserve(target);
  }
}

provideResizeObserver(PruningResizeObserver);
