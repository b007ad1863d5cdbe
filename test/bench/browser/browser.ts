import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../browser/adapters/chromium.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Browsers not closed yet, so a run that is stopped early can close them. */
const open = new Set<BenchBrowser>();
let stopping = false;
/** Profiles not removed yet; whatever is left at exit (a launch cut short) is killed and removed. */
const profiles = new Set<string>();
process.on('exit', () => {
  for (const profile of profiles) removeProfile(profile);
});

/** Closes every open browser; no new one starts after this (the run is stopping). */
export async function closeAllBrowsers(): Promise<void> {
  stopping = true;
  await Promise.all([...open].map((browser) => browser.close()));
}

export interface BenchBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Debian's Chromium in a fresh temp profile. `serviceWorkers: 'block'` gives the same app with no
 * worker at all (registration rejects), which is the network path of the seek comparison.
 */
/**
 * The session every bench browser starts signed in with (the library is private): set once by
 * run.ts for its server. Module state in a bench script, not in the app.
 */
let session: { url: string; name: string; value: string } | null = null;
export function signInEveryBrowser(url: string, cookie: string): void {
  const eq = cookie.indexOf('=');
  session = { url, name: cookie.slice(0, eq), value: cookie.slice(eq + 1) };
}

export async function launchBrowser(serviceWorkers: 'allow' | 'block'): Promise<BenchBrowser> {
  if (stopping) throw new Error('the run is stopping: no new browser');
  const profile = mkdtempSync(join(tmpdir(), 'tapedeck-bench-chromium-'));
  profiles.add(profile);
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      serviceWorkers,
      timeout: 30_000,
      // run.ts closes browsers itself on a signal (and removes their profiles).
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    removeProfile(profile);
    throw error;
  }
  const close = async () => {
    const closed = context.close().then(
      () => true,
      () => false,
    );
    const timeout = new Promise<false>((r) => setTimeout(() => r(false), 10_000));
    if (!(await Promise.race([closed, timeout]))) killProfileProcesses(profile);
    removeProfile(profile);
  };
  let page: Page;
  try {
    // tsx compiles with keepNames: functions passed to page.evaluate may call `__name(...)`.
    await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    if (session) await context.addCookies([{ ...session, httpOnly: true, sameSite: 'Lax' }]);
    context.setDefaultTimeout(15_000);
    page = context.pages()[0] ?? (await context.newPage());
    if (stopping) throw new Error('the run is stopping: no new browser');
  } catch (error) {
    await close();
    throw error;
  }
  const browser: BenchBrowser = {
    context,
    page,
    async close() {
      open.delete(browser);
      await close();
    },
  };
  open.add(browser);
  return browser;
}

/** Runs `fn` with a fresh browser and closes it whatever happens. */
export async function withBrowser<T>(
  serviceWorkers: 'allow' | 'block',
  fn: (browser: BenchBrowser) => Promise<T>,
): Promise<T> {
  const browser = await launchBrowser(serviceWorkers);
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

/** `Chromium 156.0.…` from the binary itself. */
export function chromiumVersion(): string {
  // Debian's wrapper script prints a shell warning on stderr here: not ours to show.
  const out = execFileSync(CHROMIUM_PATH, ['--version'], {
    encoding: 'utf8',
    timeout: 10_000,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return out.replace(/\s+built on.*$/s, '').trim();
}

/** Bounded wait until a service worker controls the page. */
export async function waitForController(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), null, {
    timeout: timeoutMs,
  });
}

/** The library row of one song, optionally only once its offline state is `offline`. */
export function songRow(page: Page, id: string, offline?: 'none' | 'partial' | 'complete') {
  const state = offline ? `[data-offline="${offline}"]` : '';
  return page.locator(`[data-testid="song-row"][data-song-id="${id}"]${state}`);
}

export function playButton(page: Page, id: string) {
  return songRow(page, id).locator('[data-testid="play-song"]');
}

function removeProfile(profile: string): void {
  killProfileProcesses(profile);
  // Chromium may still be writing its profile as it exits: retry.
  rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  profiles.delete(profile);
}

/** Last resort when Chromium does not close: kill its processes (they name our profile) by pid. */
function killProfileProcesses(profile: string): void {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(profile)) {
        process.kill(Number(entry), 'SIGKILL');
      }
    } catch {
      // exited while we looked
    }
  }
}
