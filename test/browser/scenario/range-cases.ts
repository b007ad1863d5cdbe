/** One request the worker must answer exactly as RFC 9110 says, with what it must answer. */
export interface RangeCase {
  /** Why this range matters (which engine sends it, which boundary it crosses). */
  why: string;
  /** The Range header, or null for none. */
  range: string | null;
  status: 200 | 206 | 416;
  /** Exact Content-Range, or null when there must be none (200). */
  contentRange: string | null;
  /** Expected body bytes [start, end] inclusive, or null for an empty body (416). */
  bytes: [number, number] | null;
}

const KIB = 1024;
const CHUNK = 256 * KIB;

/** The ranges real browsers send (BROWSERS.md, STACK-NOTES.md) and chunk-boundary cases, for a file of `size` bytes. */
export function createRangeCases(size: number): RangeCase[] {
  const last = size - 1;
  const partial = (why: string, range: string, start: number, end: number): RangeCase => ({
    why,
    range,
    status: 206,
    contentRange: `bytes ${start}-${end}/${size}`,
    bytes: [start, end],
  });
  const cases: RangeCase[] = [
    {
      why: 'WebKitGTK first request, no Range',
      range: null,
      status: 200,
      contentRange: null,
      bytes: [0, last],
    },
    partial('Safari probe', 'bytes=0-1', 0, 1),
    partial('Chromium/Firefox first request', 'bytes=0-', 0, last),
    partial('WebKitGTK MP3 ID3v1 tail probe', `bytes=${size - 128}-`, size - 128, last),
    partial('suffix range', 'bytes=-500', size - 500, last),
    partial('suffix longer than the file', `bytes=-${size + 10}`, 0, last),
    partial('end past the size is clamped', `bytes=${size - 10}-${size + 1000}`, size - 10, last),
    partial('bounded, inside the first chunk', 'bytes=100-4195', 100, 4195),
    partial(
      'bounded, across one chunk boundary',
      `bytes=${CHUNK - 44}-${CHUNK + 55}`,
      CHUNK - 44,
      CHUNK + 55,
    ),
    partial(
      'bounded, last byte of a chunk and first of the next',
      `bytes=${CHUNK - 1}-${CHUNK}`,
      CHUNK - 1,
      CHUNK,
    ),
    partial(
      'bounded, spanning several chunks',
      `bytes=200000-${Math.min(last, 3 * CHUNK + 1234)}`,
      200000,
      Math.min(last, 3 * CHUNK + 1234),
    ),
    partial(
      'Safari-style bounded 64 KiB read',
      `bytes=${CHUNK}-${CHUNK + 64 * KIB - 1}`,
      CHUNK,
      CHUNK + 64 * KIB - 1,
    ),
    {
      why: 'start at the size is unsatisfiable',
      range: `bytes=${size}-`,
      status: 416,
      contentRange: `bytes */${size}`,
      bytes: null,
    },
  ];
  // Chromium seeks as open-ended ranges at 32 KiB-aligned offsets; Firefox and WebKit send
  // `bytes=N-` for larger files: all must stream to the very end.
  const aligned = [
    32 * KIB,
    7 * 32 * KIB,
    CHUNK,
    CHUNK + 32 * KIB,
    Math.floor(size / 2 / (32 * KIB)) * 32 * KIB,
  ];
  for (const offset of new Set(aligned)) {
    if (offset > 0 && offset < size)
      cases.push(partial('32 KiB-aligned open-ended seek', `bytes=${offset}-`, offset, last));
  }
  return cases.filter((c) => !c.bytes || c.bytes[1] < size);
}
