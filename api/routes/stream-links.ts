import type { Auth } from '../auth/create-auth.ts';
import { requireUser, unauthorized } from '../auth/current-user.ts';
import type { Catalog } from '../catalog/catalog.ts';
import { findEntry } from './find-entry.ts';
import type { RouteTable } from './route-table.ts';

/**
 * `POST /api/songs/:id/link` → `{ url, expiresAt }`: the song's stream URL with a signed token,
 * for players that carry no cookie (mpv, VLC, a cast device). See auth/stream-links.ts.
 */
export function registerStreamLinkRoutes(
  routes: RouteTable,
  { auth, catalog }: { auth: Auth; catalog: Catalog },
) {
  routes.post('/api/songs/:id/link', async (event) => {
    const user = requireUser(event);
    const { song } = findEntry(event, catalog);
    const record = await auth.verifier.user(user.id);
    if (!record) throw unauthorized('account-removed');
    const { token, expiresAt } = auth.links.create(song.id, record);
    const url = new URL(song.streamUrl, 'http://x');
    url.searchParams.set('token', token);
    event.res.headers.set('cache-control', 'no-store');
    return { url: `${url.pathname}${url.search}`, expiresAt: expiresAt.toISOString() };
  });
}
