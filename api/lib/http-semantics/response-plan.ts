/**
 * The response plan: what a ranged GET or HEAD of one representation answers (RFC 9110 §13–15),
 * decided without any I/O from the request headers and what is known about the representation.
 * Every transport sends exactly this: the h3 route, the Node fast path and the service worker.
 * Each only writes the body it describes.
 */
import {
  evaluatePreconditions,
  type HeaderSource,
  isRangeApplicable,
  type Validators,
} from './conditional.ts';
import { formatContentRange, formatUnsatisfiedRange } from './content-range.ts';
import { type MultipartPlan, planMultipart } from './multipart.ts';
import { type ByteRange, resolveRange } from './range.ts';

export interface Representation extends Validators {
  size: number;
  /** Content-Type of the bytes (each part's type in a multipart answer). */
  type: string;
  /** Headers every answer about it repeats (200, 206, 304, 412, 416): ETag, Cache-Control … */
  headers: Readonly<Record<string, string>>;
}

export type BodyPlan =
  | { kind: 'none' }
  | { kind: 'bytes'; range: ByteRange }
  | { kind: 'multipart'; plan: MultipartPlan }
  | { kind: 'text'; text: string };

export interface ResponsePlan {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: BodyPlan;
}

export interface PlanOptions {
  /**
   * False when the transport does not send multipart/byteranges (the worker): a request that would
   * get one gets the whole representation as a 200 instead, which never amplifies either.
   */
  multipart?: boolean;
}

/**
 * Order (§13.2.2): If-Match / If-Unmodified-Since (412), If-None-Match / If-Modified-Since (304),
 * then If-Range (§13.1.5) decides whether Range is used at all; Range (§14.2) gives 206, a
 * multipart 206, 416, or is ignored (200). HEAD answers like a full GET and reads nothing.
 */
export function planResponse(
  rep: Representation,
  method: 'GET' | 'HEAD',
  request: HeaderSource,
  options: PlanOptions = {},
): ResponsePlan {
  // Not `{ ...rep.headers }`: V8 gives a spread copy a map that every added header then migrates
  // (3–5 µs per answer here, against 0.3 µs for a plain copy).
  const headers: Record<string, string> = Object.assign({}, rep.headers);
  const precondition = evaluatePreconditions(request, rep);
  if (precondition === 'not-modified') return { status: 304, headers, body: { kind: 'none' } };
  if (precondition === 'precondition-failed') {
    return planJsonError(412, 'precondition failed', headers);
  }
  const range = method === 'GET' ? request.get('range') : null;
  const resolution =
    range !== null && isRangeApplicable(request, rep)
      ? resolveRange(range, rep.size)
      : ({ kind: 'ignore' } as const);

  if (resolution.kind === 'unsatisfiable') {
    headers['content-range'] = formatUnsatisfiedRange(rep.size);
    return planJsonError(416, 'range not satisfiable', headers);
  }
  const ranges = resolution.kind === 'ranges' ? resolution.ranges : [];
  if (ranges.length === 1) {
    const [only] = ranges as [ByteRange];
    headers['content-type'] = rep.type;
    headers['content-range'] = formatContentRange(only, rep.size);
    headers['content-length'] = String(only.end - only.start + 1);
    return { status: 206, headers, body: { kind: 'bytes', range: only } };
  }
  if (ranges.length > 1 && options.multipart !== false) {
    const plan = planMultipart(ranges, rep.size, rep.type);
    headers['content-type'] = plan.contentType;
    headers['content-length'] = String(plan.contentLength);
    return { status: 206, headers, body: { kind: 'multipart', plan } };
  }
  headers['content-type'] = rep.type;
  headers['content-length'] = String(rep.size);
  const whole = { start: 0, end: rep.size - 1 };
  const body: BodyPlan =
    method === 'HEAD' || rep.size === 0 ? { kind: 'none' } : { kind: 'bytes', range: whole };
  return { status: 200, headers, body };
}

/** A JSON `{ error }` answer (with any headers the status needs, e.g. 416's Content-Range). */
export function planJsonError(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): ResponsePlan {
  const text = JSON.stringify({ error: message });
  headers['content-type'] = 'application/json; charset=utf-8';
  headers['content-length'] = String(new TextEncoder().encode(text).byteLength);
  return { status, headers, body: { kind: 'text', text } };
}
