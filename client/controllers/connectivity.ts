import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pingApi } from '../lib/api.ts';
import { documentHeldAnswers } from '../lib/early-requests.ts';

const PROBE_EVERY_MS = 15_000;
const PROBE_TIMEOUT_MS = 5_000;

/**
 * Whether songs can come from the network: the browser says it is online AND the API answers.
 * `navigator.onLine` alone misses a server that is down, so failures reported by the library or the
 * player mark the API unreachable, and a health probe (at start, on `online`, every 15 s while
 * unreachable) brings it back.
 */
export class ConnectivityController implements ReactiveController {
  private readonly _host: ReactiveControllerHost;
  private _browserOnline = navigator.onLine;
  private _reachable = true;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private readonly _onOnline = () => {
    this._browserOnline = true;
    this._host.requestUpdate();
    void this.probe();
  };
  private readonly _onOffline = () => {
    this._browserOnline = false;
    this._host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost) {
    this._host = host;
    host.addController(this);
  }

  /** The first probe has answered: until then, `online` is only the browser's guess. */
  checked = false;

  get online(): boolean {
    return this._browserOnline && this._reachable;
  }

  hostConnected(): void {
    window.addEventListener('online', this._onOnline);
    window.addEventListener('offline', this._onOffline);
    // A document that came from the server with the first screen's answers settles it already.
    if (documentHeldAnswers()) {
      this.checked = true;
      return;
    }
    // In a task of its own: setting up a fetch is slow the first time, and this one can wait a task.
    this._timer = setTimeout(() => void this.probe(), 0);
  }
  hostDisconnected(): void {
    window.removeEventListener('online', this._onOnline);
    window.removeEventListener('offline', this._onOffline);
    clearTimeout(this._timer);
  }

  /**
   * Something failed to reach the API, or got a network answer from it: that settles the question
   * as well as a probe would. Update, and keep probing while it is down.
   */
  report(reachable: boolean): void {
    if (reachable === this._reachable && this.checked) return;
    this._reachable = reachable;
    this.checked = true;
    this._host.requestUpdate();
    if (!reachable) this._schedule();
  }

  async probe(): Promise<boolean> {
    clearTimeout(this._timer);
    const reachable = this._browserOnline && (await pingApi(AbortSignal.timeout(PROBE_TIMEOUT_MS)));
    if (reachable !== this._reachable || !this.checked) {
      this._reachable = reachable;
      this.checked = true;
      this._host.requestUpdate();
    }
    if (!reachable) this._schedule();
    return reachable;
  }

  private _schedule(): void {
    clearTimeout(this._timer);
    this._timer = setTimeout(() => void this.probe(), PROBE_EVERY_MS);
  }
}
