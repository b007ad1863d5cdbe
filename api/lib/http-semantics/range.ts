/**
 * HTTP Range (RFC 9110 §14) for `bytes`: parse a Range header and resolve it against a size. Part
 * of the runtime-neutral stream core (web types only): the server and the service worker share it.
 *
 * Not built on `range-parser` (1.3.0): measured, it answers 416 for a suffix longer than the file
 * (`bytes=-500` on 100 bytes; §14.1.1 says send the whole file), turns an invalid `bytes=5-2` into
 * 416 instead of ignoring the header, silently drops `5-2` from `bytes=0-1,5-2`, rejects the empty
 * list elements §5.6.1.2 says to tolerate, accepts spaces inside a range-spec, and reads numbers
 * past 2^53 through `Number()`. Wrapping it would mean re-validating everything, so this is a
 * small parser instead.
 */

export interface ByteRange {
  start: number;
  end: number;
}

export type RangeResolution =
  | { kind: 'ignore' }
  | { kind: 'ranges'; ranges: ByteRange[] }
  | { kind: 'unsatisfiable' };

/** Cap on parts in a multi-range answer (Apache's MaxRanges idea): more → 200 full. */
export const MAX_RANGES = 16;
/** Ranges closer than this are merged: sending the gap is cheaper than another part header. */
export const COALESCE_GAP = 80;
/**
 * Upper estimate of multipart framing per part (delimiter, Content-Type, Content-Range, share of
 * the closing delimiter). A multi-part answer whose bytes plus framing reach the size → 200 full.
 */
export const PART_OVERHEAD = 256;

/**
 * Resolves a Range header against a representation of `size` bytes.
 * - 'ignore' (send 200 full): no header, another unit, invalid syntax (any bad range-spec, or
 *   last-pos < first-pos, makes the whole header invalid), or a multi-range request that would
 *   need more than MAX_RANGES parts or would not be smaller than the file.
 * - 'unsatisfiable' (416): valid, but no range-spec selects any byte.
 * - 'ranges': sorted by start and coalesced (§14.6 allows both), each within 0..size-1.
 * Size 0: int-ranges are unsatisfiable; a non-zero suffix asks for the whole (empty) file, which
 * no Content-Range can express, so it is 'ignore' (200 with an empty body).
 * Never throws on any header string; throws TypeError on a size that is not a safe integer ≥ 0.
 */
export function resolveRange(header: string | null | undefined, size: number): RangeResolution {
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new TypeError(`[range] size must be a non-negative safe integer, got ${size}`);
  }
  if (header == null) return IGNORE;
  const single = resolveSingleRange(header, size);
  if (single !== undefined) return single;
  const specs = parseRangeHeader(header);
  if (!specs) return IGNORE;

  const wanted: ByteRange[] = [];
  let wholeEmptyFile = false;
  for (const spec of specs) {
    const range = toByteRange(spec, size);
    if (range) wanted.push(range);
    else if (size === 0 && spec.first === null && spec.last !== '') wholeEmptyFile = true;
  }
  if (wanted.length === 0) return wholeEmptyFile ? IGNORE : UNSATISFIABLE;

  const ranges = coalesce(wanted);
  if (ranges.length > 1) {
    if (ranges.length > MAX_RANGES) return IGNORE;
    const cost = ranges.reduce((sum, r) => sum + r.end - r.start + 1 + PART_OVERHEAD, 0);
    if (cost >= size) return IGNORE;
  }
  return { kind: 'ranges', ranges };
}

/**
 * The first byte a Range header asks for, before the size is known (a cache that has not met the
 * song yet loads that part first): the first int-range's start, or null for a suffix range or a
 * header that would be ignored. Huge starts come back as Infinity (past any size), never wrapped.
 */
export function firstRequestedByte(header: string | null | undefined): number | null {
  const specs = header == null ? null : parseRangeHeader(header);
  const first = specs?.[0]?.first;
  if (first == null) return null;
  const value = Number(first || '0');
  return Number.isSafeInteger(value) ? value : Number.POSITIVE_INFINITY;
}

const IGNORE: RangeResolution = { kind: 'ignore' };
const UNSATISFIABLE: RangeResolution = { kind: 'unsatisfiable' };
/** What players and the worker send: one `first-last` or `first-`, no spaces, safe integers. */
const SINGLE_RANGE = /^bytes=([0-9]{1,15})-([0-9]{0,15})$/;

/**
 * The common case without the general parser's lists and string compares (it is on every stream
 * request); undefined sends anything else to the general path, whose answer this one repeats.
 */
function resolveSingleRange(header: string, size: number): RangeResolution | undefined {
  const match = SINGLE_RANGE.exec(header);
  if (match === null) return undefined;
  const start = Number(match[1]);
  const last = match[2] === '' ? null : Number(match[2]);
  if (last !== null && last < start) return IGNORE; // §14.1.1: an invalid header is ignored
  if (start >= size) return UNSATISFIABLE;
  return {
    kind: 'ranges',
    ranges: [{ start, end: last === null ? size - 1 : Math.min(last, size - 1) }],
  };
}

/** A range-spec as written: digit strings with leading zeros removed ('' is zero). */
interface RangeSpec {
  first: string | null; // null for a suffix-range
  last: string | null; // null for `first-`
}

/**
 * `bytes=range-spec *(OWS "," OWS range-spec)`; unit case-insensitive, no spaces around `=`
 * (none in the grammar). Returns null when the header is not a valid bytes range set.
 */
function parseRangeHeader(header: string): RangeSpec[] | null {
  const value = trimOws(header);
  const eq = value.indexOf('=');
  if (eq === -1 || value.slice(0, eq).toLowerCase() !== 'bytes') return null;
  const specs: RangeSpec[] = [];
  for (const element of value.slice(eq + 1).split(',')) {
    const item = trimOws(element);
    if (item === '') continue; // §5.6.1.2: empty list elements are ignored
    const match = /^([0-9]*)-([0-9]*)$/.exec(item);
    if (!match) return null;
    const [, first, last] = match as unknown as [string, string, string];
    if (first === '' && last === '') return null;
    const spec = {
      first: first === '' ? null : stripZeros(first),
      last: last === '' ? null : stripZeros(last),
    };
    if (spec.first !== null && spec.last !== null && compareDigits(spec.last, spec.first) < 0) {
      return null; // §14.1.1: last-pos < first-pos makes the whole header invalid
    }
    specs.push(spec);
  }
  return specs.length > 0 ? specs : null;
}

/** The bytes a spec selects within `size`, or null when it selects none. */
function toByteRange(spec: RangeSpec, size: number): ByteRange | null {
  if (spec.first === null) {
    const suffix = toBoundedNumber(spec.last ?? '', size);
    if (suffix === 0 || size === 0) return null;
    return { start: size - suffix, end: size - 1 };
  }
  const start = toBoundedNumber(spec.first, size);
  if (start >= size) return null;
  const end = spec.last === null ? size - 1 : Math.min(toBoundedNumber(spec.last, size), size - 1);
  return { start, end };
}

/** Sorts and merges overlapping, adjacent and nearly adjacent ranges (gap < COALESCE_GAP). */
function coalesce(ranges: ByteRange[]): ByteRange[] {
  const sorted = ranges.map((r) => ({ ...r })).sort((a, b) => a.start - b.start);
  const out: ByteRange[] = [sorted[0]!];
  for (const range of sorted.slice(1)) {
    const current = out[out.length - 1]!;
    if (range.start - current.end - 1 < COALESCE_GAP)
      current.end = Math.max(current.end, range.end);
    else out.push(range);
  }
  return out;
}

/** Exact value when ≤ limit, otherwise limit: huge digit strings never go through Number(). */
function toBoundedNumber(digits: string, limit: number): number {
  return compareDigits(digits, String(limit)) > 0 ? limit : Number(digits || '0');
}

/** Compares two non-negative integers written without leading zeros, of any length. */
function compareDigits(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function stripZeros(digits: string): string {
  return digits.replace(/^0+/, '');
}

function trimOws(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}
