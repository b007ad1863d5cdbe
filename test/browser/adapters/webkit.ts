import { writeFile } from 'node:fs/promises';
import { Builder, type WebDriver } from 'selenium-webdriver';
import { freePort } from '../../helpers/free-port.ts';
import { type OwnedProcess, spawnOwned } from '../lib/owned-process.ts';
import { requireExecutable } from '../lib/require-executable.ts';
import { waitFor } from '../lib/wait.ts';
import { withTimeout } from '../lib/with-timeout.ts';
import { startXvfb, type XServer } from '../lib/xvfb.ts';
import { fromPageResult, toPageExpression } from './page-script.ts';
import type { BrowserAdapter, LaunchOptions, PageFunction } from './types.ts';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/**
 * WebKitGTK's MiniBrowser through WebKitWebDriver and selenium-webdriver. The adapter starts its
 * own Xvfb (WebKitGTK has no headless mode) and its own driver on a free port, so `npm test`
 * needs no `xvfb-run` wrapper.
 */
export async function launchWebKit(options: LaunchOptions = {}): Promise<BrowserAdapter> {
  const {
    launchTimeoutMs = 60_000,
    evaluateTimeoutMs = 30_000,
    navigationTimeoutMs = 30_000,
  } = options;
  const driverBinary = requireExecutable(
    '/usr/bin/WebKitWebDriver',
    'webkit2gtk-driver',
    'WebKitWebDriver',
  );
  requireExecutable(MINIBROWSER, 'libwebkit2gtk-4.1-0', 'WebKitGTK MiniBrowser');
  const started = Date.now();
  const x: XServer = await startXvfb();
  let driverProcess: OwnedProcess | undefined;
  let driver: WebDriver | undefined;
  const stopAll = async () => {
    if (driver) await withTimeout(driver.quit(), 10_000, '[webkit] quit').catch(() => {});
    await driverProcess?.stop(2000);
    await x.stop();
  };
  try {
    const port = await freePort();
    const proc = spawnOwned(driverBinary, [`--port=${port}`, '--host=127.0.0.1'], {
      env: { ...process.env, DISPLAY: x.display },
    });
    driverProcess = proc;
    const endpoint = `http://127.0.0.1:${port}`;
    await waitFor(
      async () => {
        if (proc.hasExited()) throw new Error(`WebKitWebDriver exited:\n${proc.output()}`);
        return (await fetch(`${endpoint}/status`)).ok;
      },
      { timeoutMs: 10_000, intervalMs: 100, message: `WebKitWebDriver on ${endpoint}` },
    );
    const session = new Builder()
      .usingServer(endpoint)
      .withCapabilities({
        browserName: 'MiniBrowser',
        // `--automation` must stay in args whenever args are given.
        'webkitgtk:browserOptions': {
          binary: MINIBROWSER,
          args: ['--automation', '--autoplay-policy=allow'],
        },
      })
      .build();
    driver = session;
    await withTimeout(session.getCapabilities(), launchTimeoutMs, '[webkit] new session');
    await session
      .manage()
      .setTimeouts({ script: evaluateTimeoutMs, pageLoad: navigationTimeoutMs });
  } catch (error) {
    const output = driverProcess?.output() ?? '';
    await stopAll();
    throw new Error(`[webkit] launch failed: ${String(error)}\n${output}`);
  }
  return createAdapter(driver, Date.now() - started, evaluateTimeoutMs, stopAll);
}

function createAdapter(
  driver: WebDriver,
  launchMs: number,
  evaluateTimeoutMs: number,
  stopAll: () => Promise<void>,
): BrowserAdapter {
  return {
    name: 'webkit',
    launchMs,
    async version() {
      const capabilities = await driver.getCapabilities();
      return `webkitgtk ${String(capabilities.get('browserVersion'))}`;
    },
    async open(url) {
      await driver.get(url);
    },
    async reload() {
      await driver.navigate().refresh();
    },
    async evaluate<R, A extends unknown[]>(
      fn: PageFunction<A, R>,
      ...args: A
    ): Promise<Awaited<R>> {
      // W3C Execute Script awaits a returned promise; the driver's script timeout bounds it, and
      // the Node-side timeout covers a driver that stops answering.
      const raw = await withTimeout(
        driver.executeScript(`return ${toPageExpression(fn, args)};`),
        evaluateTimeoutMs + 5000,
        `[webkit] evaluate ${fn.name || 'anonymous function'}`,
      );
      return fromPageResult<Awaited<R>>('webkit', raw);
    },
    async setViewport(width, height) {
      // WebDriver sizes the window; correct by the chrome around the viewport, at most twice.
      let rect = { width, height };
      for (let attempt = 0; attempt < 3; attempt++) {
        await driver.manage().window().setRect(rect);
        const inner = JSON.parse(
          await driver.executeScript<string>(
            'return JSON.stringify([window.innerWidth, window.innerHeight]);',
          ),
        ) as [number, number];
        if (inner[0] === width && inner[1] === height) return;
        rect = { width: rect.width + width - inner[0], height: rect.height + height - inner[1] };
      }
    },
    async screenshot(path) {
      await writeFile(path, Buffer.from(await driver.takeScreenshot(), 'base64'));
    },
    // WebKitWebDriver offers no console log endpoint.
    logs: () => [],
    close: stopAll,
  };
}
