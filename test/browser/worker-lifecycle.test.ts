import { beforeAll, describe, it } from 'vitest';
import { withChromium } from './adapters/chromium.ts';
import { ensureBuiltClient } from './lib/built-client.ts';
import { runEtagChange } from './scenario/etag-change.ts';
import { runEviction } from './scenario/eviction.ts';
import { runTruncatedChunk } from './scenario/truncated-chunk.ts';
import { runUpdateInstallingAtLoad, runWorkerUpdate } from './scenario/worker-update.ts';

/**
 * The service worker over a song's life, in real Chromium against a real server process: a song
 * replaced on disk, eviction under a small budget, a network that drops mid-chunk, and an update
 * of the worker itself. Each test has its own browser profile, music folder and server.
 */
describe('chromium: service worker lifecycle', () => {
  let clientDir: string;
  beforeAll(async () => {
    clientDir = await ensureBuiltClient();
  }, 300_000);

  it('purges a song’s old chunks when its file changes (new ETag) and serves only the new bytes', async () => {
    await withChromium((browser) => runEtagChange(browser, clientDir));
  }, 90_000);

  it('evicts the least recently played song under a small budget, never the playing one', async () => {
    await withChromium((browser) => runEviction(browser, clientDir));
  }, 90_000);

  it('never caches a chunk the network cut short, and completes the song once it behaves', async () => {
    await withChromium((browser) => runTruncatedChunk(browser, clientDir));
  }, 90_000);

  it('updates to a new worker from the update card and keeps the offline song', async () => {
    await withChromium((browser) => runWorkerUpdate(browser, clientDir, 'returning'));
  }, 90_000);

  it('reloads under the new worker from the update card in the tab of the first visit too', async () => {
    await withChromium((browser) => runWorkerUpdate(browser, clientDir, 'first-visit'));
  }, 90_000);

  it('shows the update card for a new worker that was already installing when the page registered', async () => {
    await withChromium((browser) => runUpdateInstallingAtLoad(browser, clientDir));
  }, 90_000);
});
