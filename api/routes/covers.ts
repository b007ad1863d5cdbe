import { getQuery, type H3Event } from 'h3';
import type { Catalog } from '../catalog/catalog.ts';
import { type CoverOwner, type CoverSource, coverVersionOf } from '../catalog/cover-url.ts';
import { albumCoverSource, artistCoverSource, songCoverSource } from '../catalog/to-json.ts';
import { COVER_SIZES, type CoverImages, type CoverSize } from '../covers/cover-images.ts';
import { evaluatePreconditions } from '../lib/http-semantics/conditional.ts';
import { findRow } from './albums.ts';
import { readParams } from './query-params.ts';
import type { RouteTable } from './route-table.ts';

/**
 * `GET /api/{songs,albums,artists}/:id/cover[?size=64|128|256|512]`: the picture (only ever as a
 * raster type sniffed from its bytes), else the placeholder, resized once per size and kept.
 */
export function registerCoverRoutes(
  routes: RouteTable,
  { catalog, covers }: { catalog: Catalog; covers: CoverImages },
) {
  const sourceOf: Record<CoverOwner, (event: H3Event) => CoverSource> = {
    songs(event) {
      const { index } = catalog.state();
      return songCoverSource(index, findRow(event, index.songById, 'song'));
    },
    albums(event) {
      const { index } = catalog.state();
      return albumCoverSource(index, findRow(event, index.albumById, 'album'));
    },
    artists(event) {
      const { index } = catalog.state();
      return artistCoverSource(index, findRow(event, index.artistById, 'artist'));
    },
  };
  for (const owner of ['songs', 'albums', 'artists'] as const) {
    routes.get(`/api/${owner}/:id/cover`, (event) => {
      const size = readParams(event).choice('size', COVER_SIZES) ?? null;
      return sendCover(event, sourceOf[owner](event), size, covers);
    });
  }
}

async function sendCover(
  event: H3Event,
  source: CoverSource,
  size: CoverSize | null,
  covers: CoverImages,
) {
  const version = coverVersionOf(source);
  const etag = `"cover-${version}-${size ?? 'full'}"`;
  // The URLs the API hands out carry the version: such a URL never changes content.
  const current = getQuery(event).v === version;
  const headers: Record<string, string> = {
    etag,
    'cache-control': current
      ? 'public, max-age=31536000, immutable'
      : 'public, max-age=86400, stale-while-revalidate=604800',
    'x-content-type-options': 'nosniff',
  };
  // Covers have no Last-Modified: only the ETag validates them.
  const onlyEtag = {
    get: (name: string) => (name === 'if-none-match' ? event.req.headers.get(name) : null),
  };
  if (evaluatePreconditions(onlyEtag, { etag, lastModified: new Date(0) }) === 'not-modified') {
    return new Response(null, { status: 304, headers });
  }
  const image =
    ('pictureId' in source && (await covers.picture(source.pictureId, size))) ||
    (await covers.placeholder('placeholderSeed' in source ? source.placeholderSeed : '', size));
  headers['content-type'] = image.type;
  return new Response(image.bytes as Uint8Array<ArrayBuffer>, { headers });
}
