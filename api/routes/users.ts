import { getRouterParam, HTTPError } from 'h3';
import { type AccountChanges, toUser } from '../auth/accounts.ts';
import type { Auth } from '../auth/create-auth.ts';
import { requireAdmin } from '../auth/current-user.ts';
import { readJsonObject } from '../lib/json-body.ts';
import { noContent } from './auth.ts';
import type { RouteTable } from './route-table.ts';

const FIELDS = new Set(['username', 'password', 'admin', 'disabled']);

/** Admin only: list, add, change (incl. disable and password reset) and remove accounts. */
export function registerUserRoutes(routes: RouteTable, { auth }: { auth: Auth }) {
  routes.get('/api/users', async (event) => {
    requireAdmin(event);
    event.res.headers.set('cache-control', 'no-store');
    return { items: (await auth.accounts.list()).map(toUser) };
  });

  routes.post('/api/users', async (event) => {
    requireAdmin(event);
    const body = readChanges(await readJsonObject(event));
    if (body.disabled !== undefined) throw badRequest('a new account cannot start disabled');
    const record = await auth.accounts.create({
      username: body.username as string,
      password: body.password as string,
      admin: body.admin ?? false,
    });
    event.res.status = 201;
    return toUser(record);
  });

  routes.patch('/api/users/:id', async (event) => {
    const admin = requireAdmin(event);
    const id = getRouterParam(event, 'id') ?? '';
    const changes = readChanges(await readJsonObject(event));
    const keep = id === admin.id ? event.context.sessionHash : undefined;
    return toUser(await auth.actions.update(id, changes, keep));
  });

  routes.delete('/api/users/:id', async (event) => {
    requireAdmin(event);
    await auth.actions.remove(getRouterParam(event, 'id') ?? '');
    return noContent(event);
  });
}

/** Known fields of the right types; the values themselves are checked by accounts.ts. */
function readChanges(body: Record<string, unknown>): AccountChanges {
  for (const name of Object.keys(body)) {
    if (!FIELDS.has(name)) throw badRequest(`unknown field ${JSON.stringify(name).slice(0, 40)}`);
  }
  for (const name of ['admin', 'disabled'] as const) {
    if (body[name] !== undefined && typeof body[name] !== 'boolean') {
      throw badRequest(`${name} must be true or false`);
    }
  }
  return body as AccountChanges;
}

function badRequest(message: string) {
  return HTTPError.status(400, 'Bad Request', { message });
}
