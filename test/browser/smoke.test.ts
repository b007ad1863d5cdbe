import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, launchBrowser } from './adapters/launch.ts';
import { type SmokeSite, startSmokeSite } from './lib/smoke-site.ts';
import { runSmoke } from './scenario/smoke.ts';

let site: SmokeSite;
beforeAll(async () => {
  site = await startSmokeSite();
});
afterAll(async () => {
  await site?.close();
});

// The three engines run at the same time: launching and waiting on media dominate, not CPU.
describe.concurrent('real browser smoke', () => {
  it.each(ENGINES)(
    '%s launches, evaluates, reaches shadow DOM, runs a service worker and plays audio',
    async (engine) => {
      const browser = await launchBrowser(engine);
      try {
        console.info(`[${engine}] ${await browser.version()} launched in ${browser.launchMs} ms`);
        await runSmoke(browser, site);
      } finally {
        await browser.close();
      }
    },
    120_000,
  );
});

describe('missing browsers', () => {
  it('fail with the Debian package to install, never skip', async () => {
    const { requireExecutable } = await import('./lib/require-executable.ts');
    expect(() => requireExecutable('/nonexistent/chromium', 'chromium', 'Chromium')).toThrow(
      /Chromium is not installed .*apt-get install -y --no-install-recommends chromium/,
    );
  });
});
