import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FavouriteKind } from '../../api/user-library/types.ts';
import { ApiError } from '../lib/api.ts';
import { setFavourite } from '../lib/user-api.ts';

/**
 * Hearts set or taken off in this session: shown at once (optimistic), sent to the server, and
 * undone with a message if the server refuses or cannot be reached.
 */
export class FavouriteChanges implements ReactiveController {
  /** By `kind:id`. Replaced, never mutated, so views notice. */
  changes: ReadonlyMap<string, boolean> = new Map();
  private readonly _host: ReactiveControllerHost;
  private readonly _onError: (message: string) => void;

  constructor(host: ReactiveControllerHost, onError: (message: string) => void) {
    this._host = host;
    this._onError = onError;
    host.addController(this);
  }

  hostConnected(): void {}

  async set(kind: FavouriteKind, id: string, on: boolean): Promise<void> {
    const key = `${kind}:${id}`;
    const before = this.changes.get(key);
    this._put(key, on);
    try {
      await setFavourite(kind, id, on);
      // The server has it now: a new map (same content) tells views that list from the server
      // (favourites) to fetch again; one fetched at once may have been answered before the change.
      if (this.changes.get(key) === on) this._put(key, on);
    } catch (error) {
      if (this.changes.get(key) !== on) return; // changed again meanwhile: that call decides
      this._put(key, before);
      const why =
        error instanceof ApiError && !error.isNetwork ? error.message : 'you seem to be offline';
      this._onError(`Couldn’t ${on ? 'add to' : 'remove from'} favourites: ${why}`);
    }
  }

  private _put(key: string, value: boolean | undefined): void {
    const next = new Map(this.changes);
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    this.changes = next;
    this._host.requestUpdate();
  }
}
