import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { type SoundServer, startPulseAudio } from '../lib/pulseaudio.ts';
import { requireExecutable } from '../lib/require-executable.ts';
import { withTimeout } from '../lib/with-timeout.ts';
import { pageMethods } from './page-script.ts';
import type { BrowserAdapter, LaunchOptions } from './types.ts';

/** Debian's Firefox ESR through puppeteer-core (WebDriver BiDi), with its own PulseAudio null sink. */
export async function launchFirefox(options: LaunchOptions = {}): Promise<BrowserAdapter> {
  const {
    launchTimeoutMs = 60_000,
    evaluateTimeoutMs = 30_000,
    navigationTimeoutMs = 30_000,
  } = options;
  const executablePath = requireExecutable('/usr/bin/firefox-esr', 'firefox-esr', 'Firefox ESR');
  const started = Date.now();
  const sound: SoundServer = await startPulseAudio();
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      timeout: launchTimeoutMs,
      env: { ...process.env, PULSE_SERVER: sound.server },
      extraPrefsFirefox: { 'media.autoplay.default': 0, 'media.autoplay.blocking_policy': 0 },
    });
  } catch (error) {
    await sound.stop();
    throw new Error(`[firefox] launch failed: ${String(error)}`);
  }
  const page: Page = (await browser.pages())[0] ?? (await browser.newPage());
  page.setDefaultNavigationTimeout(navigationTimeoutMs);
  const launchMs = Date.now() - started;
  const lines: string[] = [];
  page.on('console', (message) => lines.push(`[console.${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => lines.push(`[pageerror] ${String(error)}`));

  return {
    name: 'firefox',
    launchMs,
    async version() {
      return (await browser.version()).replace('/', ' ');
    },
    ...pageMethods('firefox', page, evaluateTimeoutMs),
    async setViewport(width, height) {
      await page.setViewport({ width, height });
    },
    logs: () => [...lines],
    async close() {
      try {
        await withTimeout(browser.close(), 15_000, '[firefox] close');
      } catch {
        browser.process()?.kill('SIGKILL');
      }
      await sound.stop();
    },
  };
}
