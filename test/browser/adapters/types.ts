/**
 * One small interface over three automation stacks (Playwright for Chromium, Puppeteer/BiDi for
 * Firefox, Selenium/WebDriver for WebKitGTK), so that a scenario is written once.
 */
export type EngineName = 'chromium' | 'firefox' | 'webkit';

/**
 * A function run inside the page. It is sent as source text, so it must be self-contained: no
 * closures over Node variables or imports, an arrow or `function` expression (not a method
 * shorthand). Arguments and the resolved value travel as JSON (`undefined` arrives as `null`).
 */
export type PageFunction<A extends unknown[], R> = (...args: A) => R | Promise<R>;

export interface BrowserAdapter {
  readonly name: EngineName;
  /** Milliseconds from the launch call until the first page could be driven. */
  readonly launchMs: number;
  /** Engine name and version as the driver reports it, e.g. `chromium 156.0.8078.79`. */
  version(): Promise<string>;
  /** Navigates the single page and waits for its `load` event. */
  open(url: string): Promise<void>;
  /** Reloads the page and waits for its `load` event. */
  reload(): Promise<void>;
  /**
   * Runs `fn(...args)` in the page, awaits it and returns its JSON value. A page-side exception
   * rejects with the page's stack; a call that takes longer than the adapter's evaluate timeout
   * (default 30 s) rejects too, so every wait stays bounded.
   */
  evaluate<R, A extends unknown[]>(fn: PageFunction<A, R>, ...args: A): Promise<Awaited<R>>;
  /** Sets the CSS viewport size (WebKit: resizes the window until the viewport matches). */
  setViewport(width: number, height: number): Promise<void>;
  /** Writes a PNG of the viewport. */
  screenshot(path: string): Promise<void>;
  /** Console messages and page errors seen so far, for failure messages (empty where unsupported). */
  logs(): string[];
  /** Closes the browser and everything the adapter started (driver, X server, sound server). */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Upper bound for launching the browser (default 60 s). */
  launchTimeoutMs?: number;
  /** Upper bound for one `evaluate` call (default 30 s). */
  evaluateTimeoutMs?: number;
  /** Upper bound for `open` and `reload` (default 30 s). */
  navigationTimeoutMs?: number;
}
