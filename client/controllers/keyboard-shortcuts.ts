import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ShortcutActions {
  togglePlay(): void;
  seekBy(seconds: number): void;
  volumeBy(delta: number): void;
  next(): void;
  previous(): void;
  focusSearch(): void;
}

const SEEK_S = 5;
const VOLUME_STEP = 0.05;

/**
 * Global keys: space play/pause, ←/→ seek 5 s, ↑/↓ volume, `/` search, N/P next/previous.
 * Keys typed into a field, or handled natively by a focused control, are left alone.
 */
export class KeyboardShortcuts implements ReactiveController {
  private readonly _actions: ShortcutActions;
  private readonly _onKeyDown = (event: KeyboardEvent) => this._handle(event);

  constructor(host: ReactiveControllerHost, actions: ShortcutActions) {
    this._actions = actions;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this._onKeyDown);
  }
  hostDisconnected(): void {
    window.removeEventListener('keydown', this._onKeyDown);
  }

  private _handle(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const origin = event.composedPath()[0];
    const kind = targetKind(origin);
    if (kind === 'text') return;
    const a = this._actions;
    let handled = true;
    switch (event.key) {
      case ' ':
      case 'Spacebar':
        // A focused button or slider already reacts to space.
        if (kind !== 'other') return;
        if (!event.repeat) a.togglePlay();
        break;
      case 'ArrowLeft':
      case 'ArrowRight':
        if (kind === 'slider') return;
        a.seekBy(event.key === 'ArrowLeft' ? -SEEK_S : SEEK_S);
        break;
      case 'ArrowUp':
      case 'ArrowDown':
        if (kind === 'slider') return;
        a.volumeBy(event.key === 'ArrowUp' ? VOLUME_STEP : -VOLUME_STEP);
        break;
      case '/':
        a.focusSearch();
        break;
      case 'n':
      case 'N':
        a.next();
        break;
      case 'p':
      case 'P':
        a.previous();
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  }
}

type TargetKind = 'text' | 'slider' | 'button' | 'other';

/** What the focused element does with keys itself: typing, arrows (sliders), space (buttons). */
function targetKind(target: EventTarget | undefined): TargetKind {
  if (!(target instanceof HTMLElement)) return 'other';
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return 'text';
  if (target instanceof HTMLSelectElement) return 'slider';
  if (target instanceof HTMLInputElement) {
    if (target.type === 'range' || target.type === 'radio') return 'slider';
    return ['checkbox', 'button', 'submit', 'reset'].includes(target.type) ? 'button' : 'text';
  }
  if (target.getAttribute('role') === 'slider') return 'slider';
  if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) return 'button';
  return 'other';
}
