import { beforeAll, describe, it } from 'vitest';
import { withChromium } from './adapters/chromium.ts';
import { ensureBuiltClient } from './lib/built-client.ts';
import { runDetachedFill } from './scenario/detached-fill.ts';
import { runSealedOffline } from './scenario/sealed-offline.ts';

/**
 * Offline copies in real Chromium (issue 14): ciphertext under the user's key, playable offline,
 * gone at sign-out; and kept whoever plays the song. Each test has its own profile and server.
 */
describe('chromium: offline copies', () => {
  let clientDir: string;
  beforeAll(async () => {
    clientDir = await ensureBuiltClient();
  }, 300_000);

  it('keeps only ciphertext, plays and seeks it offline byte for byte, and leaves nothing readable after sign-out', async () => {
    await withChromium((browser) => runSealedOffline(browser, clientDir));
  }, 180_000);

  it('a detached new Audio() played for 3 s is whole offline within 10 s and plays from 80 %', async () => {
    await withChromium((browser) => runDetachedFill(browser, clientDir));
  }, 120_000);
});
