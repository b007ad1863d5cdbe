/**
 * A new worker waiting beside the one controlling this page means an update, whatever
 * workbox-window saw: it reports only installs it watched from the start, so a worker that was
 * already installing when the page registered (an update check from another tab, or one that raced
 * this page's idle-time registration) never showed the update card. This judges the registration's
 * state instead: now, and at every state change of an installing worker. For sw-bridge.ts.
 */
export function watchWaiting(registration: ServiceWorkerRegistration, onWaiting: () => void): void {
  const check = () => {
    if (registration.waiting && globalThis.navigator?.serviceWorker?.controller) onWaiting();
  };
  const follow = (worker: ServiceWorker | null) => worker?.addEventListener('statechange', check);
  follow(registration.installing);
  registration.addEventListener('updatefound', () => follow(registration.installing));
  check();
}
