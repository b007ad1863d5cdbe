import { type RawResponse, rawRequest, type TestApi } from '../../helpers/api-server.ts';
import { cookieOf } from '../../helpers/test-auth.ts';

/** A JSON request as the web app sends it (same origin, JSON body), with an optional cookie. */
export function sendJson(
  api: TestApi,
  method: string,
  path: string,
  body: unknown,
  cookie = '',
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return rawRequest(
    api.port,
    path,
    {
      'content-type': 'application/json',
      origin: api.url,
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
    method,
    body === undefined || method === 'GET' || method === 'HEAD' ? undefined : JSON.stringify(body),
  );
}

export function json(response: RawResponse): Record<string, unknown> {
  return JSON.parse(response.body.toString('utf8')) as Record<string, unknown>;
}

/** Signs in and returns the cookie to send, failing loudly on anything but 200. */
export async function login(api: TestApi, username: string, password: string): Promise<string> {
  const response = await fetch(`${api.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) {
    throw new Error(`login ${username} → ${response.status} ${await response.text()}`);
  }
  return cookieOf(response);
}

/** Adds an account through the admin API (as the test admin) and returns its id. */
export async function addUser(
  api: TestApi,
  username: string,
  password: string,
  admin = false,
): Promise<string> {
  const response = await sendJson(
    api,
    'POST',
    '/api/users',
    { username, password, admin },
    api.cookie,
  );
  if (response.status !== 201) throw new Error(`add ${username} → ${response.status}`);
  return json(response).id as string;
}

/** A settable clock for sessions, links and counters. */
export function createClock() {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance(ms: number) {
      offset += ms;
    },
  };
}

export const DAY = 24 * 3600_000;
