import type { CatalogEntry } from '../catalog/song.ts';
import {
  evaluatePreconditions,
  formatHttpDate,
  type HeaderSource,
  isRangeApplicable,
  type Validators,
} from '../lib/conditional.ts';
import { type MultipartPlan, planMultipart } from '../lib/multipart.ts';
import { formatContentRange, formatUnsatisfiedRange, resolveRange } from '../lib/range.ts';

export type StreamBody =
  | { kind: 'none' }
  | { kind: 'bytes'; start: number; end: number }
  | { kind: 'multipart'; plan: MultipartPlan }
  | { kind: 'text'; text: string };

export interface StreamPlan {
  status: number;
  headers: Record<string, string>;
  body: StreamBody;
}

/**
 * What `GET|HEAD /songs/listen/:id` answers for one catalog entry and one request: RFC 9110 ranges
 * and preconditions, decided without any I/O. Both transports (the h3 route and the Node fast path)
 * send exactly this plan, so the HTTP behaviour lives in one place.
 */
export function planStreamResponse(
  entry: CatalogEntry,
  method: 'GET' | 'HEAD',
  request: HeaderSource,
): StreamPlan {
  const { size, mimeType } = entry.song;
  const { validators, baseHeaders } = representationOf(entry);
  const headers: Record<string, string> = { ...baseHeaders };

  const precondition = evaluatePreconditions(request, validators);
  if (precondition === 'not-modified') return { status: 304, headers, body: { kind: 'none' } };
  if (precondition === 'precondition-failed') return jsonError(412, 'precondition failed', headers);

  // A HEAD answers like a full GET and opens nothing.
  const range = method === 'GET' ? request.get('range') : null;
  const resolution =
    range !== null && isRangeApplicable(request, validators)
      ? resolveRange(range, size)
      : ({ kind: 'ignore' } as const);

  if (resolution.kind === 'unsatisfiable') {
    headers['content-range'] = formatUnsatisfiedRange(size);
    return jsonError(416, 'range not satisfiable', headers);
  }
  if (resolution.kind === 'ignore') {
    headers['content-type'] = mimeType;
    headers['content-length'] = String(size);
    const body: StreamBody =
      method === 'HEAD' || size === 0
        ? { kind: 'none' }
        : { kind: 'bytes', start: 0, end: size - 1 };
    return { status: 200, headers, body };
  }
  const { ranges } = resolution;
  if (ranges.length === 1) {
    const { start, end } = ranges[0]!;
    headers['content-type'] = mimeType;
    headers['content-range'] = formatContentRange({ start, end }, size);
    headers['content-length'] = String(end - start + 1);
    return { status: 206, headers, body: { kind: 'bytes', start, end } };
  }
  const plan = planMultipart(ranges, size, mimeType);
  headers['content-type'] = plan.contentType;
  headers['content-length'] = String(plan.contentLength);
  return { status: 206, headers, body: { kind: 'multipart', plan } };
}

interface Representation {
  validators: Validators;
  /** Headers every answer about this song repeats (200, 206, 304, 416). */
  baseHeaders: Readonly<Record<string, string>>;
}

/** Computed once per catalog entry: the stream path does no date formatting per request. */
const representations = new WeakMap<CatalogEntry, Representation>();

function representationOf(entry: CatalogEntry): Representation {
  let representation = representations.get(entry);
  if (!representation) {
    const validators = { etag: entry.song.etag, lastModified: new Date(entry.mtimeMs) };
    representation = {
      validators,
      baseHeaders: {
        'accept-ranges': 'bytes',
        etag: validators.etag,
        'last-modified': formatHttpDate(validators.lastModified),
        // Caches may keep the audio but must revalidate: the URL stays when a song's bytes change.
        'cache-control': 'public, no-cache',
        'x-content-type-options': 'nosniff',
      },
    };
    representations.set(entry, representation);
  }
  return representation;
}

function jsonError(status: number, message: string, headers: Record<string, string>): StreamPlan {
  const text = JSON.stringify({ error: message });
  headers['content-type'] = 'application/json; charset=utf-8';
  headers['content-length'] = String(Buffer.byteLength(text));
  return { status, headers, body: { kind: 'text', text } };
}
