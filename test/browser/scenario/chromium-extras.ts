import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChromiumAdapter } from '../adapters/chromium.ts';
import { createApp } from '../lib/app.ts';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../screenshots', import.meta.url));

/** CDP's installability verdict for the open page: [] means installable. */
export async function installabilityErrors(browser: ChromiumAdapter): Promise<unknown[]> {
  const result = await browser.cdp<{ installabilityErrors: unknown[] }>(
    'Page.getInstallabilityErrors',
  );
  return result.installabilityErrors;
}

/** The app at a phone and a desktop size, written to test/browser/screenshots/. */
export async function takeScreenshots(browser: ChromiumAdapter, url: string): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const app = createApp(browser);
  const written: string[] = [];
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    await browser.setViewport(width, height);
    await browser.open(url);
    await app.waitForRows(2, 15_000, `screenshot at ${width}x${height}`);
    // Covers and fonts settle after the rows appear.
    await browser.evaluate(async () => {
      await document.fonts.ready;
      const images: HTMLImageElement[] = [];
      const visit = (root: ParentNode) => {
        for (const element of root.querySelectorAll('*')) {
          if (element instanceof HTMLImageElement && !element.complete) images.push(element);
          if (element.shadowRoot) visit(element.shadowRoot);
        }
      };
      visit(document);
      await Promise.race([
        Promise.all(
          images.map(
            (img) =>
              new Promise((resolve) => {
                img.addEventListener('load', resolve, { once: true });
                img.addEventListener('error', resolve, { once: true });
              }),
          ),
        ),
        // A bound, not a guess: the covers' load events end the wait as soon as they come.
        new Promise((resolve) => setTimeout(resolve, 10_000)),
      ]);
    });
    const path = join(SCREENSHOT_DIR, `chromium-${width}x${height}.png`);
    await browser.screenshot(path);
    written.push(path);
  }
  return written;
}
