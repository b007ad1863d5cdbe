import type { H3Event } from 'h3';
import { bodyPieces } from '../stream/body-pieces.ts';
import {
  type PreparedStream,
  prepareStream,
  reportBodyError,
  type StreamDeps,
} from '../stream/prepare-stream.ts';
import { createWebBody } from '../stream/web-body.ts';
import { findEntry } from './find-entry.ts';
import type { RouteTable } from './route-table.ts';

/**
 * `GET|HEAD /songs/listen/:id` as an h3 route, for `app.fetch` on any runtime. What to answer is
 * decided by the stream core (prepare-stream.ts); this only turns it into a web Response. (Node's
 * server answers the same requests in api/http/stream-fast-path.ts, without a web stream.)
 */
export function registerStreamRoutes(routes: RouteTable, deps: StreamDeps) {
  // HEAD gets its own handler: running GET's would open a stream nobody reads (STACK-NOTES).
  routes.get(
    '/songs/listen/:id',
    (event) => respond(event, deps, 'GET'),
    (event) => respond(event, deps, 'HEAD'),
  );
}

async function respond(event: H3Event, deps: StreamDeps, method: 'GET' | 'HEAD') {
  const entry = findEntry(event, deps.catalog);
  const prepared = await prepareStream(deps, entry, method, event.req.headers);
  return toResponse(prepared, deps);
}

function toResponse({ plan, object, key }: PreparedStream, deps: StreamDeps): Response {
  const { status, headers, body } = plan;
  if (body.kind === 'text') return new Response(body.text, { status, headers });
  if (!object) return new Response(null, { status, headers });
  const { pieces, length } = bodyPieces(body);
  const stream = createWebBody(pieces, length, object, (error) =>
    reportBodyError(deps, key, error),
  );
  return new Response(stream, { status, headers });
}
