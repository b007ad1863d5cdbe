import { expect, it } from 'vitest';
import type { ChromiumAdapter } from './adapters/chromium.ts';
import { installabilityErrors, takeScreenshots } from './scenario/chromium-extras.ts';
import { defineEngineSuite } from './scenario/engine-suite.ts';

defineEngineSuite('chromium', (ctx) => {
  it('is installable: CDP Page.getInstallabilityErrors returns []', async () => {
    const { browser, server } = ctx();
    await browser.open(`${server.origin}/songs?run=install`);
    expect(await installabilityErrors(browser as ChromiumAdapter)).toEqual([]);
  }, 60_000);

  it('renders at 390x844 and 1280x800 (screenshots for the README)', async () => {
    const { browser, server } = ctx();
    const written = await takeScreenshots(
      browser as ChromiumAdapter,
      `${server.origin}/songs?run=screenshots`,
    );
    expect(written).toHaveLength(2);
  }, 60_000);
});
