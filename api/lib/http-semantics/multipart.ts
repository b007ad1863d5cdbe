/**
 * multipart/byteranges framing (RFC 9110 §14.6, RFC 2046 §5.1.1). Only the framing is built here;
 * the route streams each part's bytes from storage between `head` and the next part, so the exact
 * Content-Length is known before a single audio byte is read.
 */
import { formatContentRange } from './content-range.ts';
import type { ByteRange } from './range.ts';

export interface MultipartPlan {
  /** `multipart/byteranges; boundary=…` */
  contentType: string;
  /** Exact total body length: heads + part bytes + tail. */
  contentLength: number;
  /** Body = head₀ bytes₀ head₁ bytes₁ … tail. */
  parts: { head: Uint8Array; range: ByteRange }[];
  /** Close delimiter `\r\n--boundary--\r\n`. */
  tail: Uint8Array;
}

/**
 * Plans a multipart/byteranges body for `ranges` of a `size`-byte representation of type
 * `partType`. The first head starts with the dash-boundary (no preamble); later ones with the
 * CRLF that belongs to their delimiter. Throws TypeError on arguments the route should never pass
 * (no ranges, a range out of bounds, a boundary that needs quoting, a type with control chars).
 */
export function planMultipart(
  ranges: ByteRange[],
  size: number,
  partType: string,
  boundary: string = createBoundary(),
): MultipartPlan {
  if (ranges.length === 0) throw new TypeError('[multipart] at least one range is needed');
  if (!BOUNDARY.test(boundary)) throw new TypeError(`[multipart] bad boundary ${boundary}`);
  if (!PART_TYPE.test(partType)) throw new TypeError(`[multipart] bad part type ${partType}`);
  const encoder = new TextEncoder();
  let contentLength = 0;
  const parts = ranges.map((range, index) => {
    if (!(Number.isSafeInteger(range.start) && Number.isSafeInteger(range.end))) {
      throw new TypeError('[multipart] range bounds must be integers');
    }
    if (range.start < 0 || range.end < range.start || range.end >= size) {
      throw new TypeError(`[multipart] range ${range.start}-${range.end} outside 0-${size - 1}`);
    }
    const head = encoder.encode(
      `${index === 0 ? '' : CRLF}--${boundary}${CRLF}` +
        `Content-Type: ${partType}${CRLF}` +
        `Content-Range: ${formatContentRange(range, size)}${CRLF}${CRLF}`,
    );
    contentLength += head.byteLength + range.end - range.start + 1;
    return { head, range: { start: range.start, end: range.end } };
  });
  const tail = encoder.encode(`${CRLF}--${boundary}--${CRLF}`);
  contentLength += tail.byteLength;
  return { contentType: `multipart/byteranges; boundary=${boundary}`, contentLength, parts, tail };
}

const CRLF = '\r\n';
/** RFC 2046 bchars minus those that would need quoting in the Content-Type parameter. */
const BOUNDARY = /^[0-9A-Za-z'+_.-]{1,70}$/;
/** A media type with parameters; no CR, LF or other controls that could split headers. */
const PART_TYPE = /^[\t\x20-\x7e]+$/;

/** 96 random bits: a boundary that cannot plausibly occur inside the audio bytes. */
function createBoundary(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `tapedeck-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
