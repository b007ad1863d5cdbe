import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OfflineState, StorageReport } from '../../sw/protocol.ts';
import type { SwBridge } from '../sw-bridge.ts';

export interface WorkerStateHooks {
  /** The worker has cached the app shell. */
  onOfflineReady(): void;
  /** A song could not be kept offline. */
  onCacheError(id: string, error: string): void;
}

/** What the shell shows of the service worker, kept in step with the bridge's events. */
export class WorkerState implements ReactiveController {
  /** Offline state per song id (the same Map until something changes). */
  states: ReadonlyMap<string, OfflineState> = new Map();
  storage: StorageReport | null = null;
  /** A new version is waiting; the shell clears it when the user says "Later". */
  needRefresh = false;
  /** Bumped when a worker takes control, so the library fetches through it once. */
  epoch = 0;
  /** `states` can be trusted (see SwBridge.statesKnown): the library shows rows only then. */
  statesKnown = true;
  private readonly _host: ReactiveControllerHost;
  private readonly _hooks: WorkerStateHooks;
  private _bridge: SwBridge | null = null;

  constructor(host: ReactiveControllerHost, hooks: WorkerStateHooks) {
    this._host = host;
    this._hooks = hooks;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Follow `bridge` (once). */
  attach(bridge: SwBridge): void {
    if (this._bridge === bridge) return;
    this._bridge = bridge;
    const update = () => this._host.requestUpdate();
    bridge.addEventListener('change', () => {
      this.states = bridge.states;
      this.storage = bridge.storage;
      this.statesKnown = bridge.statesKnown;
      update();
    });
    bridge.addEventListener('controlled', () => {
      this.epoch++;
      update();
    });
    bridge.addEventListener('need-refresh', () => {
      this.needRefresh = true;
      update();
    });
    bridge.addEventListener('offline-ready', () => this._hooks.onOfflineReady());
    bridge.addEventListener('cache-error', (event) => {
      const { id, error } = (event as CustomEvent<{ id: string; error: string }>).detail;
      this._hooks.onCacheError(id, error);
    });
    this.needRefresh = bridge.needRefresh;
    this.statesKnown = bridge.statesKnown;
  }
}
