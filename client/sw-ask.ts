/**
 * The bridge's (sw-bridge.ts) means of reaching the worker: the worker to post to, and messages that
 * wait for the worker's `DONE` on a reply port (protocol.ts). Only sw-bridge.ts imports this.
 */
import { isOwnCacheName, KEY_DB } from '../sw/cache-names.ts';
import { DONE, type PageToWorker } from '../sw/protocol.ts';

const READY_TIMEOUT_MS = 10_000;

/** The worker that hears this page: its controller, or (first visit) the active registration's. */
export async function activeWorker(): Promise<ServiceWorker | null> {
  const container = globalThis.navigator?.serviceWorker;
  if (!container) return null;
  return container.controller ?? (await readyWithin(container, READY_TIMEOUT_MS))?.active ?? null;
}

/** Posts `message` with a reply port; true once the worker says it is done, false otherwise. */
export async function askWorker(message: PageToWorker, timeoutMs: number): Promise<boolean> {
  const worker = await activeWorker();
  if (!worker) return false;
  const { port1, port2 } = new MessageChannel();
  const done = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    port1.onmessage = (event: MessageEvent) => {
      if ((event.data as { type?: unknown } | null)?.type !== DONE.type) return;
      clearTimeout(timer);
      resolve(true);
    };
  });
  worker.postMessage(message, [port2]);
  const answered = await done;
  port1.close();
  return answered;
}

/** Sign-out without a worker to do it: delete the offline key's database and our caches here. */
export async function wipeFromPage(): Promise<void> {
  await new Promise<void>((resolve) => {
    const request = globalThis.indexedDB?.deleteDatabase(KEY_DB);
    if (!request) return resolve();
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
  const names = (await globalThis.caches?.keys().catch(() => [])) ?? [];
  await Promise.all(names.filter(isOwnCacheName).map((name) => caches.delete(name)));
}

function readyWithin(
  container: ServiceWorkerContainer,
  ms: number,
): Promise<ServiceWorkerRegistration | null> {
  return Promise.race([
    container.ready,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), ms)),
  ]);
}
