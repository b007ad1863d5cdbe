import { getQuery } from 'h3';
import mime from 'mime';
import type { Catalog } from '../catalog/catalog.ts';
import { coverVersionOf } from '../catalog/cover-url.ts';
import { evaluatePreconditions } from '../lib/http-semantics/conditional.ts';
import { placeholderCoverSvg } from '../lib/placeholder-cover.ts';
import { findEntry } from './find-entry.ts';
import type { RouteTable } from './route-table.ts';

/** `GET /api/songs/:id/cover`: the embedded picture, else a generated placeholder. */
export function registerCoverRoutes(routes: RouteTable, { catalog }: { catalog: Catalog }) {
  routes.get('/api/songs/:id/cover', async (event) => {
    const entry = findEntry(event, catalog);
    const { song } = entry;
    // The cover belongs to the file's bytes, so the song's ETag validates it too.
    const etag = `"cover-${song.etag.replaceAll('"', '')}"`;
    // The song's coverUrl carries its version: that URL never changes content, so keep it for good.
    const current = getQuery(event).v === coverVersionOf(song.etag);
    const headers: Record<string, string> = {
      etag,
      'cache-control': current
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=86400, stale-while-revalidate=604800',
      'x-content-type-options': 'nosniff',
    };
    const outcome = evaluatePreconditions(event.req.headers, {
      etag,
      lastModified: new Date(entry.mtimeMs),
    });
    if (outcome === 'not-modified') return new Response(null, { status: 304, headers });

    const picture = entry.coverType ? await catalog.getCover(song.id) : null;
    if (picture) {
      headers['content-type'] = imageType(entry.coverType!);
      return new Response(picture as Uint8Array<ArrayBuffer>, { headers });
    }
    headers['content-type'] = 'image/svg+xml';
    return new Response(placeholderCoverSvg(song.title, song.album, song.artist), { headers });
  });
}

/** music-metadata reports either a MIME type or a bare format name such as "jpg". */
function imageType(format: string): string {
  if (format.startsWith('image/')) return format;
  return mime.getType(format) ?? 'application/octet-stream';
}
