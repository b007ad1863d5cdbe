import { type AuthConfig, loadAuthConfig } from '../../api/auth/auth-config.ts';
import { createAuth } from '../../api/auth/create-auth.ts';
import { createMemoryStateStore } from '../../api/state/memory-state-store.ts';

/** The admin every test server starts with (ADMIN_USERNAME / ADMIN_PASSWORD). */
export const TEST_ADMIN = { username: 'admin', password: 'correct horse battery staple' } as const;

/** The environment that gives a server process its first admin. */
export const TEST_ADMIN_ENV = {
  ADMIN_USERNAME: TEST_ADMIN.username,
  ADMIN_PASSWORD: TEST_ADMIN.password,
} as const;

/** Auth settings as the server would read them from `env` (plus the test admin unless `admin: false`). */
export function testAuthConfig(
  env: Record<string, string> = {},
  { admin = true }: { admin?: boolean } = {},
): AuthConfig {
  return loadAuthConfig({ ...(admin ? TEST_ADMIN_ENV : {}), ...env }, process.cwd());
}

/**
 * Signs in over HTTP and returns the `Cookie` header value to send (`name=token`), or throws with
 * the server's answer.
 */
export async function signIn(
  origin: string,
  credentials: { username: string; password: string } = TEST_ADMIN,
): Promise<string> {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (response.status !== 200) {
    throw new Error(
      `sign-in as ${credentials.username} → ${response.status} ${await response.text()}`,
    );
  }
  return cookieOf(response);
}

/** The `name=value` of the session cookie a response sets. */
export function cookieOf(response: Response): string {
  const cookie = response.headers
    .getSetCookie()
    .find((line) => /^(__Host-)?tapedeck_session=[^;]+/.test(line));
  if (!cookie)
    throw new Error(`no session cookie in ${JSON.stringify(response.headers.getSetCookie())}`);
  return cookie.split(';')[0]!;
}

/**
 * An Auth on a memory state store with the test admin, for apps built in the test itself, and that
 * state store (the app keeps its per-user library there too).
 */
export async function createTestAuth(env: Record<string, string> = {}) {
  const state = createMemoryStateStore();
  return { auth: await createAuth({ state, config: testAuthConfig(env) }), state };
}

/** Signs in through `app.fetch` (no server) and returns the `Cookie` header value. */
export async function signInApp(app: { fetch(request: Request): Response | Promise<Response> }) {
  const response = await app.fetch(
    new Request('http://127.0.0.1/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', host: '127.0.0.1' },
      body: JSON.stringify(TEST_ADMIN),
    }),
  );
  if (response.status !== 200) throw new Error(`sign-in → ${response.status}`);
  return cookieOf(response);
}

/**
 * Adds a listener (not an admin) through the users API of `api` (which signs its calls in as the
 * test admin) and signs them in: returns their `Cookie` header value. Their password is
 * "<username> password".
 */
export async function addListener(
  api: { url: string; fetch(path: string, init?: RequestInit): Promise<Response> },
  username: string,
): Promise<string> {
  const password = `${username} password`;
  const made = await api.fetch('/api/users', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, admin: false }),
  });
  if (made.status !== 201) {
    throw new Error(`adding ${username} → ${made.status} ${await made.text()}`);
  }
  return signIn(api.url, { username, password });
}
