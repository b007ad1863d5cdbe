/** Calls to the accounts API (README, "Accounts"). Errors carry the server's reason. */
import { ME_URL } from '../../api/lib/first-screen.ts';
import { takeEarly } from './early-requests.ts';

export interface SessionUser {
  id: string;
  username: string;
  admin: boolean;
}

export interface User extends SessionUser {
  disabled: boolean;
  createdAt: string;
}

export type SignedOutReason = 'signed-out' | 'session-expired' | 'account-removed';

/** A refused or failed call. `status` 0: the server could not be reached. */
export class AuthError extends Error {
  readonly status: number;
  readonly body: {
    reason?: SignedOutReason;
    retryAfter?: number;
    setupRequired?: boolean;
    setupTokenRequired?: boolean;
  };
  constructor(message: string, status: number, body: AuthError['body'] = {}) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

async function send<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    // `/api/auth/me` is asked by the entry script already (early-requests.ts): not twice.
    const early = method === 'GET' ? takeEarly(url) : null;
    response = await (early ??
      fetch(url, {
        method,
        cache: 'no-store',
        headers:
          method === 'GET'
            ? { accept: 'application/json' }
            : { accept: 'application/json', 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
      }));
  } catch {
    throw new AuthError('Can’t reach the Tapedeck server.', 0);
  }
  const data = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok) {
    const message = typeof data?.error === 'string' ? data.error : `error ${response.status}`;
    throw new AuthError(message, response.status, (data ?? {}) as AuthError['body']);
  }
  return data as T;
}

export const authApi = {
  me: () => send<{ user: SessionUser }>('GET', ME_URL),
  login: (username: string, password: string) =>
    send<{ user: SessionUser }>('POST', '/api/auth/login', { username, password }),
  setup: (username: string, password: string, token?: string) =>
    send<{ user: SessionUser }>('POST', '/api/auth/setup', { username, password, token }),
  logout: () => send<null>('POST', '/api/auth/logout'),
  changePassword: (current: string, next: string) =>
    send<null>('POST', '/api/auth/password', { current, next }),
  listUsers: () => send<{ items: User[] }>('GET', '/api/users'),
  addUser: (user: { username: string; password: string; admin: boolean }) =>
    send<User>('POST', '/api/users', user),
  updateUser: (
    id: string,
    changes: Partial<{ username: string; password: string; admin: boolean; disabled: boolean }>,
  ) => send<User>('PATCH', `/api/users/${encodeURIComponent(id)}`, changes),
  removeUser: (id: string) => send<null>('DELETE', `/api/users/${encodeURIComponent(id)}`),
  streamLink: (songId: string) =>
    send<{ url: string; expiresAt: string }>(
      'POST',
      `/api/songs/${encodeURIComponent(songId)}/link`,
    ),
};

/** "Try again in 4 minutes (at 14:32)." from a 429's Retry-After seconds. */
export function retryText(seconds: number | undefined, now = Date.now()): string {
  if (!seconds || seconds <= 0) return 'Try again later.';
  const at = new Date(now + seconds * 1000).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
  });
  const span =
    seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes (at ${at})`;
  return `Try again in ${span}.`;
}

/** The page-wide signal that an API call met a 401: the session controller checks why. */
export const UNAUTHORIZED_EVENT = 'tapedeck:unauthorized';

export function reportUnauthorized(): void {
  globalThis.dispatchEvent?.(new Event(UNAUTHORIZED_EVENT));
}
