import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterFirstScreen } from '../lib/first-screen-shown.ts';
import { whenIdle } from '../lib/idle.ts';
import type { TdToasts, ToastOptions, ToastTone } from './td-toasts.ts';

/**
 * Parts of the shell the first screen never shows, each in its own chunk and rendered only once
 * needed: defining, styling and rendering them at start-up made the first task long on phones.
 * The worker precaches every chunk, so a part loads in a few milliseconds when it is first opened,
 * offline too.
 */
const parts = {
  'td-queue': () => import('./td-queue.ts'),
  'td-storage-panel': () => import('./td-storage-panel.ts'),
  'td-update-prompt': () => import('./td-update-prompt.ts'),
  'td-toasts': () => import('./td-toasts.ts'),
  'td-song-menu': () => import('./td-song-menu.ts'),
  'td-playlist-picker': () => import('./td-playlist-picker.ts'),
  'td-resume-offer': () => import('./td-resume-offer.ts'),
};

export type LazyPart = keyof typeof parts;

const loads = new Map<LazyPart, Promise<void>>();

/** Load the module that defines `tag` (once); resolves when the element is defined. */
export function loadPart(tag: LazyPart): Promise<void> {
  let load = loads.get(tag);
  if (!load) {
    load = parts[tag]().then(
      () => undefined,
      (error: unknown) => {
        loads.delete(tag); // try again next time (a network blip before the worker was there)
        throw error;
      },
    );
    loads.set(tag, load);
  }
  return load;
}

/**
 * The player bar (with its seek bar) comes in its own chunk once the library is up: nothing plays
 * before the user picks a song, and until then td-app's styles hold its exact place with an empty
 * bar (`td-player-bar:not(:defined)`).
 */
export function loadPlayerBarWhenIdle(): void {
  void afterFirstScreen().then(loadPlayerBar);
}

function loadPlayerBar(): void {
  whenIdle(() => {
    import('./td-player-bar.ts').catch((error: unknown) => {
      console.warn('[tapedeck] could not load the player bar; trying again', error);
      setTimeout(loadPlayerBar, 5000);
    });
  }, 500);
}

type Host = ReactiveControllerHost & { renderRoot: ParentNode };

/** Which lazy parts the shell renders: those needed so far. Also shows toasts. */
export class LazyParts implements ReactiveController {
  private readonly _host: Host;
  private _needed = new Set<LazyPart>();

  constructor(host: Host) {
    this._host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  has(tag: LazyPart): boolean {
    return this._needed.has(tag);
  }

  /** Render `tag` from now on and load its code; false when the code could not be loaded. */
  need(tag: LazyPart): Promise<boolean> {
    if (!this._needed.has(tag)) {
      this._needed = new Set([...this._needed, tag]);
      this._host.requestUpdate();
    }
    return loadPart(tag).then(
      () => true,
      (error: unknown) => {
        console.warn(`[tapedeck] could not load ${tag}`, error);
        return false;
      },
    );
  }

  /** Show a toast, loading the toasts element first if this is the first one. */
  async toast(message: string, tone: ToastTone, options?: ToastOptions): Promise<void> {
    if (!(await this.need('td-toasts'))) return;
    await this._host.updateComplete;
    this._host.renderRoot.querySelector<TdToasts>('td-toasts')?.show(message, tone, options);
  }
}
