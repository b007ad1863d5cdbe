import type { BrowserAdapter } from '../adapters/types.ts';
import { waitFor } from './wait.ts';

export interface WorkerState {
  controlled: boolean;
  controllerUrl: string | null;
  registrations: number;
}

/** Page function: whether a service worker controls this page. */
export const readWorkerState = async (): Promise<WorkerState> => {
  if (!('serviceWorker' in navigator))
    return { controlled: false, controllerUrl: null, registrations: -1 };
  const registrations = await navigator.serviceWorker.getRegistrations();
  const controller = navigator.serviceWorker.controller;
  return {
    controlled: Boolean(controller),
    controllerUrl: controller?.scriptURL ?? null,
    registrations: registrations.length,
  };
};

/** Page function: resolves once a registration is active (bounded in the page too). */
export const waitForActiveWorker = async (timeoutMs: number) => {
  const ready = navigator.serviceWorker.ready.then(() => true);
  const late = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs));
  return Promise.race([ready, late]);
};

/**
 * Makes sure the page is controlled by its service worker: waits for an active registration, and
 * reloads once if the first load was not claimed (the normal first-visit case without clients.claim).
 */
export async function ensureControlled(
  browser: BrowserAdapter,
  timeoutMs = 20_000,
): Promise<WorkerState> {
  const started = Date.now();
  const active = await browser.evaluate(waitForActiveWorker, Math.min(timeoutMs, 15_000));
  if (!active) {
    const state = await browser.evaluate(readWorkerState);
    throw new Error(
      `[${browser.name}] no active service worker within ${timeoutMs} ms: ${JSON.stringify(state)}`,
    );
  }
  const claimed = await waitFor(async () => (await browser.evaluate(readWorkerState)).controlled, {
    timeoutMs: 3000,
    message: 'clients.claim',
  }).catch(() => false);
  if (!claimed) await browser.reload();
  return waitFor(
    async () => {
      const state = await browser.evaluate(readWorkerState);
      return state.controlled ? state : null;
    },
    {
      timeoutMs: Math.max(2000, timeoutMs - (Date.now() - started)),
      message: `[${browser.name}] navigator.serviceWorker.controller after ${claimed ? 'claim' : 'one reload'}`,
    },
  );
}
