/**
 * Conditional requests for GET/HEAD (RFC 9110 §13): If-Match, If-Unmodified-Since, If-None-Match,
 * If-Modified-Since and If-Range, evaluated against a representation's strong ETag and mtime.
 * Pure: the caller passes the request headers and the validators it knows (the server's catalog,
 * or the worker's index, which keeps no modification date).
 */
import { parseHttpDate } from './http-date.ts';

export interface Validators {
  /** Strong, quoted: `"abc"`. */
  etag: string;
  /** Null when unknown: date conditions are then ignored (§13.1.3–4) and never match If-Range. */
  lastModified: Date | null;
}

export type PreconditionOutcome = 'proceed' | 'not-modified' | 'precondition-failed';

/** Where request headers come from: a fetch `Headers`, or a thin view over Node's `req.headers`. */
export type HeaderSource = Pick<Headers, 'get'>;

/**
 * RFC 9110 §13.2.2 evaluation order for GET/HEAD (step 5, If-Range, is `isRangeApplicable`):
 * 1. If-Match: strong comparison, `*` matches; no match → 412.
 * 2. Otherwise If-Unmodified-Since (valid date only): modified after it → 412.
 * 3. If-None-Match: weak comparison, `*` matches; a match → 304.
 * 4. Otherwise If-Modified-Since (valid date only): not modified since → 304.
 * A malformed tag list matches nothing: If-Match fails safe (412), If-None-Match proceeds (200).
 */
export function evaluatePreconditions(
  headers: HeaderSource,
  validators: Validators,
): PreconditionOutcome {
  const modified = validators.lastModified ? toSeconds(validators.lastModified) : null;
  const ifMatch = headers.get('if-match');
  if (ifMatch !== null) {
    if (!matchesList(ifMatch, validators.etag, strongEqual)) return 'precondition-failed';
  } else {
    const since = parseHttpDate(headers.get('if-unmodified-since'));
    if (since !== null && modified !== null && modified > since) return 'precondition-failed';
  }
  const ifNoneMatch = headers.get('if-none-match');
  if (ifNoneMatch !== null) {
    if (matchesList(ifNoneMatch, validators.etag, weakEqual)) return 'not-modified';
  } else {
    const since = parseHttpDate(headers.get('if-modified-since'));
    if (since !== null && modified !== null && modified <= since) return 'not-modified';
  }
  return 'proceed';
}

/**
 * §13.1.5: true when a Range header may be honoured. No If-Range → true. An entity-tag must match
 * strongly (a weak `W/"x"` never does); an HTTP-date must equal Last-Modified to the second.
 * Anything else → false, so the client gets the full 200 instead of bytes from another version.
 */
export function isRangeApplicable(headers: HeaderSource, validators: Validators): boolean {
  const ifRange = headers.get('if-range');
  if (ifRange === null) return true;
  const value = trimOws(ifRange);
  if (value.startsWith('"') || value.startsWith('W/')) {
    const tag = parseEntityTag(value);
    const ours = parseEntityTag(validators.etag);
    return tag !== null && ours !== null && strongEqual(tag, ours);
  }
  const date = parseHttpDate(value);
  return (
    date !== null && validators.lastModified !== null && date === toSeconds(validators.lastModified)
  );
}

interface EntityTag {
  weak: boolean;
  opaque: string;
}

const strongEqual = (a: EntityTag, b: EntityTag) => !a.weak && !b.weak && a.opaque === b.opaque;
const weakEqual = (a: EntityTag, b: EntityTag) => a.opaque === b.opaque;

/** `"*" / #entity-tag` against our tag. Commas may sit inside quotes, so this scans, not splits. */
function matchesList(
  value: string,
  etag: string,
  equal: (a: EntityTag, b: EntityTag) => boolean,
): boolean {
  const ours = parseEntityTag(etag);
  const element = /[ \t]*(?:(\*)|(W\/)?"([\x21\x23-\x7e\x80-\xff]*)")?[ \t]*(?:,|$)/y;
  let matched = false;
  while (element.lastIndex < value.length) {
    const start = element.lastIndex;
    const m = element.exec(value);
    if (!m || element.lastIndex === start) return false; // malformed list: matches nothing
    if (m[1] !== undefined) matched = true;
    else if (m[3] !== undefined && ours !== null) {
      matched ||= equal({ weak: m[2] !== undefined, opaque: m[3] }, ours);
    }
  }
  return matched;
}

function parseEntityTag(value: string): EntityTag | null {
  const m = /^(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"$/.exec(trimOws(value));
  return m ? { weak: m[1] !== undefined, opaque: m[2]! } : null;
}

/** Validators compare at one-second precision: HTTP dates carry no more. */
function toSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function trimOws(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}
