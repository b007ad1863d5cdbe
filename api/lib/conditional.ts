/**
 * Conditional requests for GET/HEAD (RFC 9110 §13): If-Match, If-Unmodified-Since, If-None-Match,
 * If-Modified-Since and If-Range, evaluated against a representation's strong ETag and mtime.
 * Pure: the caller passes the request headers and the validators it got from the catalog.
 */

export interface Validators {
  /** Strong, quoted: `"abc"`. */
  etag: string;
  lastModified: Date;
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
  const modified = toSeconds(validators.lastModified);
  const ifMatch = headers.get('if-match');
  if (ifMatch !== null) {
    if (!matchesList(ifMatch, validators.etag, strongEqual)) return 'precondition-failed';
  } else {
    const since = parseHttpDate(headers.get('if-unmodified-since'));
    if (since !== null && modified > since) return 'precondition-failed';
  }
  const ifNoneMatch = headers.get('if-none-match');
  if (ifNoneMatch !== null) {
    if (matchesList(ifNoneMatch, validators.etag, weakEqual)) return 'not-modified';
  } else {
    const since = parseHttpDate(headers.get('if-modified-since'));
    if (since !== null && modified <= since) return 'not-modified';
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
  return date !== null && date === toSeconds(validators.lastModified);
}

/** IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`. */
export function formatHttpDate(date: Date): string {
  return date.toUTCString();
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

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^${DAY} ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`);

/**
 * HTTP-date (§5.6.7) in any of its three forms → Unix seconds, or null. Strict on purpose:
 * `Date.parse` accepts "1" or "2020" and reads asctime as local time.
 */
export function parseHttpDate(value: string | null): number | null {
  if (value === null) return null;
  const text = trimOws(value);
  let m = IMF_FIXDATE.exec(text);
  if (m) return toUnix(m[3]!, m[2]!, m[1]!, m[4]!, m[5]!, m[6]!);
  m = ASCTIME_DATE.exec(text);
  if (m) return toUnix(m[6]!, m[1]!, m[2]!.trim(), m[3]!, m[4]!, m[5]!);
  m = RFC850_DATE.exec(text);
  if (!m) return null;
  // §5.6.7: a two-digit year more than 50 years ahead means the most recent such year past.
  const now = new Date().getUTCFullYear();
  let year = Math.floor(now / 100) * 100 + Number(m[3]);
  if (year > now + 50) year -= 100;
  return toUnix(String(year), m[2]!, m[1]!, m[4]!, m[5]!, m[6]!);
}

function toUnix(year: string, month: string, day: string, h: string, min: string, s: string) {
  const [y, mo, d] = [Number(year), MONTHS.indexOf(month), Number(day)];
  if (Number(h) > 23 || Number(min) > 59 || Number(s) > 60) return null; // 60: leap second
  const date = new Date(0);
  date.setUTCFullYear(y, mo, d); // not Date.UTC, which maps years 0–99 to 1900–1999
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo || date.getUTCDate() !== d) {
    return null; // e.g. 31 Feb
  }
  date.setUTCHours(Number(h), Number(min), Number(s));
  return date.getTime() / 1000;
}

/** Validators compare at one-second precision: HTTP dates carry no more. */
function toSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function trimOws(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}
