import type { BrowserAdapter } from '../adapters/types.ts';
import { createDeep } from './deep-query.ts';
import type { TapedeckServer } from './tapedeck-server.ts';
import { waitFor } from './wait.ts';

type Credentials = { username: string; password: string };

/**
 * Signs the browser in through the app's own form (labelled fields, the "Sign in" button), then
 * waits for the signed-in app (its account button). Cookies are per host, not per port: the
 * session also reaches other loopback ports (a proxy in front of the same server).
 */
export async function signInThroughForm(
  browser: BrowserAdapter,
  server: Pick<TapedeckServer, 'origin' | 'credentials'>,
  credentials: Credentials = server.credentials,
  timeoutMs = 30_000,
): Promise<void> {
  const deep = createDeep(browser);
  // The songs view: after signing in the page reloads there, and lists song rows.
  await browser.open(`${server.origin}/songs?run=sign-in`);
  const first = await waitFor(
    async () => {
      if ((await deep.count('[data-testid="account-button"]')) > 0) return 'signed-in';
      return (await deep.count('#td-sign-in-username')) > 0 ? 'form' : null;
    },
    { timeoutMs, message: `[${browser.name}] the sign-in form or the signed-in app` },
  );
  if (first === 'signed-in') return;
  await fillSignInForm(browser, credentials);
  await waitForSignedIn(browser, timeoutMs);
}

/** Types into the sign-in form and presses "Sign in". */
export async function fillSignInForm(browser: BrowserAdapter, { username, password }: Credentials) {
  const deep = createDeep(browser);
  await deep.setValue('#td-sign-in-username', username);
  await deep.setValue('#td-sign-in-password', password);
  await deep.click('[data-testid="sign-in"] button[type="submit"]');
}

export function waitForSignedIn(browser: BrowserAdapter, timeoutMs = 30_000) {
  const deep = createDeep(browser);
  return waitFor(async () => (await deep.count('[data-testid="account-button"]')) > 0, {
    timeoutMs,
    message: `[${browser.name}] the signed-in app (its account button)`,
  });
}

/**
 * Signs the browser in without loading the app (a POST from a page of the origin that runs no
 * app code), for scenarios whose first visit of the app must stay the first (worker install).
 */
export async function signInQuietly(
  browser: BrowserAdapter,
  server: Pick<TapedeckServer, 'origin' | 'credentials'>,
): Promise<void> {
  await browser.open(`${server.origin}/icons/favicon.svg`);
  const status = await browser.evaluate(
    async (body: string) =>
      (
        await fetch('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        })
      ).status,
    JSON.stringify(server.credentials),
  );
  if (status !== 200) throw new Error(`[${browser.name}] quiet sign-in → ${status}`);
}
