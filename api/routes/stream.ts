import { Readable } from 'node:stream';
import type { H3Event } from 'h3';
import type { Catalog } from '../catalog/catalog.ts';
import type { MultipartPlan } from '../lib/multipart.ts';
import { nodeStreamResponse } from '../lib/node-response.ts';
import type { AudioStore } from '../storage/audio-store.ts';
import { findEntry } from './find-entry.ts';
import type { RouteTable } from './route-table.ts';
import { planStreamResponse } from './stream-plan.ts';

/**
 * `GET|HEAD /songs/listen/:id` as an h3 route: the only way audio reaches a browser. The HTTP
 * decisions are in stream-plan.ts; this sends the plan with bytes streamed from the audio store.
 * (On Node, api/http/stream-fast-path.ts sends the same plan without going through h3.)
 */
export function registerStreamRoutes(
  routes: RouteTable,
  deps: { catalog: Catalog; audio: AudioStore },
) {
  // HEAD gets its own handler: running GET's would open a stream nobody reads (STACK-NOTES).
  routes.get(
    '/songs/listen/:id',
    (event) => respond(event, deps, 'GET'),
    (event) => respond(event, deps, 'HEAD'),
  );
}

function respond(
  event: H3Event,
  { catalog, audio }: { catalog: Catalog; audio: AudioStore },
  method: 'GET' | 'HEAD',
): Response {
  const entry = findEntry(event, catalog);
  const { status, headers, body } = planStreamResponse(entry, method, event.req.headers);
  switch (body.kind) {
    case 'none':
      return nodeStreamResponse(null, status, headers);
    case 'text':
      return nodeStreamResponse(body.text, status, headers);
    case 'bytes':
      return nodeStreamResponse(audio.read(entry.key, body.start, body.end), status, headers);
    case 'multipart':
      return nodeStreamResponse(
        Readable.from(multipartBody(audio, entry.key, body.plan)),
        status,
        headers,
      );
  }
}

/** The parts of a multipart/byteranges body, each part's bytes read only when it is reached. */
export async function* multipartBody(
  audio: AudioStore,
  key: string,
  plan: MultipartPlan,
): AsyncGenerator<Uint8Array> {
  for (const part of plan.parts) {
    yield part.head;
    yield* audio.read(key, part.range.start, part.range.end);
  }
  yield plan.tail;
}
