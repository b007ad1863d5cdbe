import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ClientCopy {
  /** Give this to the server as CLIENT_DIR. */
  readonly dir: string;
  /**
   * Appends code to the served sw.js, so the browser sees new worker bytes (a new version) that
   * answers a `TEST_VERSION` message with `marker` (see `askWorkerVersion`).
   */
  markWorkerVersion(marker: string, options?: { installDelayMs?: number }): void;
  remove(): void;
}

/** A private copy of a built client (see built-client.ts), for a test that edits what is served. */
export function copyBuiltClient(builtDir: string): ClientCopy {
  if (!existsSync(join(builtDir, 'sw.js'))) throw new Error(`no sw.js in the build ${builtDir}`);
  const dir = mkdtempSync(join(tmpdir(), 'tapedeck-client-copy-'));
  cpSync(builtDir, dir, { recursive: true });
  return {
    dir,
    markWorkerVersion: (marker, options = {}) =>
      appendFileSync(
        join(dir, 'sw.js'),
        `
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'TEST_VERSION' && event.source)
    event.source.postMessage({ type: 'TEST_VERSION', version: ${JSON.stringify(marker)} });
});
${
  options.installDelayMs
    ? `self.addEventListener('install', (event) => {
  event.waitUntil(new Promise((resolve) => setTimeout(resolve, ${options.installDelayMs})));
});`
    : ''
}
`,
      ),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Page function: the controlling worker's answer to `TEST_VERSION`, or null within `timeoutMs`. */
export const askWorkerVersion = (timeoutMs: number) =>
  new Promise<string | null>((resolve) => {
    const container = navigator.serviceWorker;
    const onMessage = (event: MessageEvent) => {
      if (event.data?.type !== 'TEST_VERSION') return;
      container.removeEventListener('message', onMessage);
      resolve(String(event.data.version));
    };
    container.addEventListener('message', onMessage);
    container.startMessages();
    container.controller?.postMessage({ type: 'TEST_VERSION' });
    setTimeout(() => resolve(null), timeoutMs);
  });
