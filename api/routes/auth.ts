import { type H3Event, HTTPError } from 'h3';
import type { UserRecord } from '../auth/accounts.ts';
import type { Auth } from '../auth/create-auth.ts';
import { requestInfoOf, requireUser, unauthorized } from '../auth/current-user.ts';
import { verifyAgainstNobody, verifyPassword } from '../auth/passwords.ts';
import { readJsonObject } from '../lib/json-body.ts';
import type { RouteTable } from './route-table.ts';

const WRONG = 'wrong user name or password';

/** Sign-in, sign-out, who am I, the first account, one's own password and offline key. */
export function registerAuthRoutes(routes: RouteTable, { auth }: { auth: Auth }) {
  routes.post('/api/auth/login', async (event) => {
    const body = await readJsonObject(event);
    const username = requireString(body.username, 'username');
    const password = requireString(body.password, 'password');
    await auth.throttle.attempt(username, requestInfoOf(event).address);
    // Unknown names cost one hash too, and get the same answer: nothing tells them apart.
    const record = await auth.accounts.findByUsername(username);
    const ok = record
      ? await verifyPassword(password, record.passwordHash)
      : await verifyAgainstNobody(password);
    if (!ok || !record) throw HTTPError.status(401, 'Unauthorized', { message: WRONG });
    if (record.disabled) {
      throw HTTPError.status(403, 'Forbidden', {
        message: 'this account is disabled',
        body: { reason: 'account-removed' },
      });
    }
    await auth.throttle.succeeded(username);
    await auth.startSession(event, record);
    return signedIn(event, record);
  });

  routes.post('/api/auth/logout', async (event) => {
    requireUser(event);
    await auth.endSession(event);
    return noContent(event);
  });

  routes.get('/api/auth/me', async (event) => {
    const user = event.context.user;
    if (user) return noStore(event, { user });
    const reason = event.context.signedOut ?? 'signed-out';
    if (await auth.firstAccount.needed()) {
      const setupTokenRequired = !requestInfoOf(event).loopback;
      throw unauthorized(reason, { setupRequired: true, setupTokenRequired });
    }
    throw unauthorized(reason);
  });

  routes.post('/api/auth/setup', async (event) => {
    const body = await readJsonObject(event);
    const info = requestInfoOf(event);
    await auth.throttle.attempt(null, info.address);
    const record = await auth.firstAccount.setup({
      username: body.username,
      password: body.password,
      token: body.token,
      loopback: info.loopback,
    });
    await auth.startSession(event, record);
    event.res.status = 201;
    return signedIn(event, record);
  });

  routes.post('/api/auth/password', async (event) => {
    const user = requireUser(event);
    const body = await readJsonObject(event);
    const current = requireString(body.current, 'current');
    const next = requireString(body.next, 'next');
    await auth.throttle.attempt(user.username, requestInfoOf(event).address);
    const record = await auth.accounts.get(user.id);
    if (!record || !(await verifyPassword(current, record.passwordHash))) {
      throw HTTPError.status(403, 'Forbidden', { message: 'the current password is wrong' });
    }
    await auth.throttle.succeeded(user.username);
    await auth.actions.update(user.id, { password: next }, event.context.sessionHash);
    return noContent(event);
  });

  routes.get('/api/auth/offline-key', async (event) => {
    const user = requireUser(event);
    return noStore(event, await auth.offlineKeys.get(user.id));
  });
}

function signedIn(event: H3Event, record: UserRecord) {
  return noStore(event, {
    user: { id: record.id, username: record.username, admin: record.admin },
  });
}

function noStore<T>(event: H3Event, value: T): T {
  event.res.headers.set('cache-control', 'no-store');
  return value;
}

export function noContent(event: H3Event): null {
  event.res.status = 204;
  return null;
}

export function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw HTTPError.status(400, 'Bad Request', { message: `${name} must be a non-empty string` });
  }
  return value;
}
