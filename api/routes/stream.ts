import { Readable } from 'node:stream';
import type { H3, H3Event } from 'h3';
import type { Catalog } from '../catalog/catalog.ts';
import {
  evaluatePreconditions,
  formatHttpDate,
  isRangeApplicable,
  type Validators,
} from '../lib/conditional.ts';
import { planMultipart } from '../lib/multipart.ts';
import { nodeStreamResponse } from '../lib/node-response.ts';
import {
  type ByteRange,
  formatContentRange,
  formatUnsatisfiedRange,
  resolveRange,
} from '../lib/range.ts';
import type { AudioStore } from '../storage/audio-store.ts';
import { findEntry } from './find-entry.ts';

/**
 * `GET|HEAD /songs/listen/:id`: the only way audio reaches a browser. Implements RFC 9110 ranges
 * and conditional requests; bytes are streamed from the audio store, never buffered whole.
 */
export function registerStreamRoutes(app: H3, deps: { catalog: Catalog; audio: AudioStore }) {
  // HEAD gets its own handler: h3 would otherwise run GET and leak the stream it opened.
  app.on('HEAD', '/songs/listen/:id', (event) => respond(event, deps, 'HEAD'));
  app.get('/songs/listen/:id', (event) => respond(event, deps, 'GET'));
}

function respond(
  event: H3Event,
  { catalog, audio }: { catalog: Catalog; audio: AudioStore },
  method: 'GET' | 'HEAD',
): Response {
  const entry = findEntry(event, catalog);
  const { size, mimeType } = entry.song;
  const validators: Validators = { etag: entry.song.etag, lastModified: new Date(entry.mtimeMs) };
  const headers = representationHeaders(validators);
  const request = event.req.headers;

  const precondition = evaluatePreconditions(request, validators);
  if (precondition === 'not-modified') return nodeStreamResponse(null, 304, headers);
  if (precondition === 'precondition-failed') return jsonError(412, 'precondition failed', headers);

  // A HEAD answers like a full GET and opens nothing.
  const resolution =
    method === 'GET' && isRangeApplicable(request, validators)
      ? resolveRange(request.get('range'), size)
      : ({ kind: 'ignore' } as const);

  if (resolution.kind === 'unsatisfiable') {
    headers['content-range'] = formatUnsatisfiedRange(size);
    return jsonError(416, 'range not satisfiable', headers);
  }
  if (resolution.kind === 'ignore') {
    headers['content-type'] = mimeType;
    headers['content-length'] = String(size);
    const body = method === 'HEAD' || size === 0 ? null : audio.read(entry.key, 0, size - 1);
    return nodeStreamResponse(body, 200, headers);
  }
  const { ranges } = resolution;
  if (ranges.length === 1) {
    const [range] = ranges as [ByteRange];
    headers['content-type'] = mimeType;
    headers['content-range'] = formatContentRange(range, size);
    headers['content-length'] = String(range.end - range.start + 1);
    return nodeStreamResponse(audio.read(entry.key, range.start, range.end), 206, headers);
  }
  const plan = planMultipart(ranges, size, mimeType);
  headers['content-type'] = plan.contentType;
  headers['content-length'] = String(plan.contentLength);
  return nodeStreamResponse(Readable.from(multipartBody(audio, entry.key, plan)), 206, headers);
}

/** Headers every answer about this song repeats (200, 206, 304, 416). */
function representationHeaders(validators: Validators): Record<string, string> {
  return {
    'accept-ranges': 'bytes',
    etag: validators.etag,
    'last-modified': formatHttpDate(validators.lastModified),
    // Caches may keep the audio but must revalidate: the URL stays when a song's bytes change.
    'cache-control': 'public, no-cache',
    'x-content-type-options': 'nosniff',
  };
}

async function* multipartBody(
  audio: AudioStore,
  key: string,
  plan: ReturnType<typeof planMultipart>,
): AsyncGenerator<Uint8Array> {
  for (const part of plan.parts) {
    yield part.head;
    yield* audio.read(key, part.range.start, part.range.end);
  }
  yield plan.tail;
}

function jsonError(status: number, message: string, headers: Record<string, string>): Response {
  const body = JSON.stringify({ error: message });
  return nodeStreamResponse(body, status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
  });
}
