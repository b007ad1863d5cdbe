/** Content-Range (RFC 9110 §14.4) for `bytes`: what a 206 or 416 states, written and read. */
import type { ByteRange } from './range.ts';

/** `bytes a-b/size` for a 206 (whole or per part). */
export function formatContentRange(range: ByteRange, size: number): string {
  return `bytes ${range.start}-${range.end}/${size}`;
}

/** `bytes *\/size` for a 416. */
export function formatUnsatisfiedRange(size: number): string {
  return `bytes */${size}`;
}

/**
 * Reads a response's Content-Range: `bytes a-b/size` (range set) or `bytes *\/size` (range null).
 * Null when malformed, when a number is not a safe integer, or when the range does not fit the
 * size; an unknown complete length (`/*`) is null too, since a chunk cache needs the size.
 */
export function parseContentRange(
  value: string | null,
): { range: ByteRange | null; size: number } | null {
  const match = /^bytes (?:(\d+)-(\d+)|\*)\/(\d+)$/i.exec(value?.trim() ?? '');
  if (!match) return null;
  const size = Number(match[3]);
  if (!Number.isSafeInteger(size)) return null;
  if (match[1] === undefined) return { range: null, size };
  const range = { start: Number(match[1]), end: Number(match[2]) };
  return range.start <= range.end && range.end < size ? { range, size } : null;
}
