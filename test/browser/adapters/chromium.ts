import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { requireExecutable } from '../lib/require-executable.ts';
import { withTimeout } from '../lib/with-timeout.ts';
import { pageMethods } from './page-script.ts';
import type { BrowserAdapter, LaunchOptions } from './types.ts';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

/** Chromium-only extras: raw CDP calls (installability), network emulation, Playwright's page. */
export interface ChromiumAdapter extends BrowserAdapter {
  readonly name: 'chromium';
  /** For Chromium-only tests that drag, type, and go back and forward like a user. */
  readonly page: Page;
  cdp<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  setOffline(offline: boolean): Promise<void>;
}

/** Debian's Chromium through playwright-core, in a fresh profile directory removed on close. */
export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumAdapter> {
  const {
    launchTimeoutMs = 60_000,
    evaluateTimeoutMs = 30_000,
    navigationTimeoutMs = 30_000,
  } = options;
  const executablePath = requireExecutable('/usr/bin/chromium', 'chromium', 'Chromium');
  const started = Date.now();
  // Playwright refuses --user-data-dir in args; a persistent context is how to own the profile.
  const profile = mkdtempSync(join(tmpdir(), 'tapedeck-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: launchTimeoutMs,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`[chromium] launch failed: ${String(error)}`);
  }
  const page: Page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultNavigationTimeout(navigationTimeoutMs);
  const launchMs = Date.now() - started;
  const lines: string[] = [];
  page.on('console', (message) => lines.push(`[console.${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => lines.push(`[pageerror] ${error.message}`));
  // Media traffic, the page's and the worker's, for failure reports: what was asked, what came back.
  context.on('requestfinished', (request) => {
    if (!request.url().includes('/songs/listen/')) return;
    void request.response().then(
      (response) => {
        const from = response?.fromServiceWorker()
          ? 'worker'
          : request.serviceWorker()
            ? 'worker→network'
            : 'network';
        const range = request.headers().range ?? '(no Range)';
        const answer = response
          ? `${response.status()} ${response.headers()['content-range'] ?? ''}`
          : 'no response';
        lines.push(`[media ${from}] ${request.url()} ${range} → ${answer}`.trim());
      },
      () => {},
    ); // the browser closed first: a report line less, nothing to fail
  });
  context.on('requestfailed', (request) => {
    if (!request.url().includes('/songs/listen/')) return;
    const range = request.headers().range ?? '(no Range)';
    lines.push(`[media failed] ${request.url()} ${range}: ${request.failure()?.errorText ?? ''}`);
  });

  return {
    name: 'chromium',
    page,
    launchMs,
    async version() {
      return `chromium ${context.browser()?.version() ?? 'unknown'}`;
    },
    ...pageMethods('chromium', page, evaluateTimeoutMs),
    async setViewport(width, height) {
      await page.setViewportSize({ width, height });
    },
    logs: () => [...lines],
    async cdp<T>(method: string, params?: Record<string, unknown>) {
      const session = await context.newCDPSession(page);
      try {
        // Playwright types CDP methods by name; callers of this adapter pass any method.
        return (await session.send(method as 'Page.enable', params)) as T;
      } finally {
        await session.detach().catch(() => {});
      }
    },
    async setOffline(offline) {
      await context.setOffline(offline);
    },
    async close() {
      await withTimeout(context.close(), 15_000, '[chromium] close').catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs `scenario` in a fresh Chromium (own profile), closed whatever happens. */
export async function withChromium(
  scenario: (browser: ChromiumAdapter) => Promise<void>,
): Promise<void> {
  const browser = await launchChromium();
  try {
    await scenario(browser);
  } finally {
    await browser.close();
  }
}
