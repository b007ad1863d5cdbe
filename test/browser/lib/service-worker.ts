import type { BrowserAdapter } from '../adapters/types.ts';
import { sleep } from './with-timeout.ts';

export interface WorkerState {
  controlled: boolean;
  controllerUrl: string | null;
  registrations: number;
  /** State of the first registration's installing / waiting / active workers. */
  installing: string | null;
  waiting: string | null;
  active: string | null;
}

/** Page function: whether a service worker controls this page. */
export const readWorkerState = async (): Promise<WorkerState> => {
  const none = { installing: null, waiting: null, active: null };
  if (!('serviceWorker' in navigator)) {
    return { controlled: false, controllerUrl: null, registrations: -1, ...none };
  }
  const registrations = await navigator.serviceWorker.getRegistrations();
  const controller = navigator.serviceWorker.controller;
  const first = registrations[0];
  return {
    controlled: Boolean(controller),
    controllerUrl: controller?.scriptURL ?? null,
    registrations: registrations.length,
    installing: first?.installing?.state ?? null,
    waiting: first?.waiting?.state ?? null,
    active: first?.active?.state ?? null,
  };
};

/**
 * Makes sure the page is controlled by its service worker: waits for an active registration, and
 * reloads once if the first load was not claimed (the normal first-visit case without clients.claim).
 * A failure lists every registration state seen, with its time.
 */
export async function ensureControlled(
  browser: BrowserAdapter,
  timeoutMs = 20_000,
  /** False: never reload, wait for the worker to claim this very page (clients.claim()). */
  allowReload = true,
): Promise<WorkerState> {
  const started = Date.now();
  const seen: string[] = [];
  let reloaded = false;
  let activeSince: number | null = null;
  for (;;) {
    const state = await browser.evaluate(readWorkerState);
    const line = JSON.stringify(state);
    if (seen.at(-1)?.endsWith(line) !== true) seen.push(`+${Date.now() - started} ms ${line}`);
    if (state.controlled) return state;
    if (state.active === 'activated') activeSince ??= Date.now();
    // Active but not claiming this page within 3 s: a reload puts the page under the worker.
    if (allowReload && !reloaded && activeSince !== null && Date.now() - activeSince > 3000) {
      reloaded = true;
      await browser.reload();
    }
    if (Date.now() - started > timeoutMs) break;
    await sleep(250);
  }
  throw new Error(
    `[${browser.name}] page not controlled by its service worker within ${timeoutMs} ms` +
      `${reloaded ? ' (after one reload)' : ''}; states seen:\n${seen.join('\n')}`,
  );
}
