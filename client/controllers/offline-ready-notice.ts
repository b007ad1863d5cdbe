import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { whenIdle } from '../lib/idle.ts';
import { type KeyValueStore, localStore } from '../lib/local-store.ts';

const PENDING_KEY = 'tapedeck:offline-ready-pending';
const INPUTS = ['pointerdown', 'keydown'] as const;

/**
 * "Ready to work offline" is said once, but not while the first screen is still loading: the worker
 * finishes installing a second or two into the very first visit, and a notice popping up unasked
 * then is the largest new thing on screen (it became the page's Largest Contentful Paint). So it
 * waits for the user's first tap or key press (at once when they already interacted), and a notice
 * still pending when the page closes is given on the next visit.
 */
export class OfflineReadyNotice implements ReactiveController {
  private readonly _show: () => void;
  private readonly _store: () => KeyValueStore | null;
  private _interacted = false;
  private _pending = false;
  private readonly _onInput = () => {
    this._interacted = true;
    this._unlisten();
    if (this._pending) this._tell();
    // A notice left from an earlier visit. Storage is read off the tap's frame: its first use is slow.
    else
      whenIdle(() => {
        if (read(this._store()) === '1') this._tell();
      });
  };

  constructor(host: ReactiveControllerHost, show: () => void, store?: KeyValueStore | null) {
    this._show = show;
    this._store = store === undefined ? localStore : () => store;
    host.addController(this);
  }

  hostConnected(): void {
    if (this._interacted) return;
    for (const type of INPUTS) window.addEventListener(type, this._onInput, { capture: true });
  }
  hostDisconnected(): void {
    this._unlisten();
  }

  /** The worker has cached the app: tell the user now if they are using the page, else later. */
  ready(): void {
    if (this._interacted) {
      this._tell();
      return;
    }
    this._pending = true;
    whenIdle(() => {
      if (this._pending) write(this._store(), '1');
    });
  }

  private _tell(): void {
    this._pending = false;
    write(this._store(), '0');
    // After the frame that answers the tap or key, never inside it.
    whenIdle(this._show, 500);
  }

  private _unlisten(): void {
    for (const type of INPUTS) window.removeEventListener(type, this._onInput, { capture: true });
  }
}

function read(store: KeyValueStore | null): string | null {
  try {
    return store?.getItem(PENDING_KEY) ?? null;
  } catch {
    return null;
  }
}

function write(store: KeyValueStore | null, value: '1' | '0'): void {
  try {
    store?.setItem(PENDING_KEY, value);
  } catch {
    // Storage disabled: the notice just does not wait for a later visit.
  }
}
