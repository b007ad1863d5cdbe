import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHUNK_SIZE,
  chunkBounds,
  chunkCount,
  formatChunkKey,
  parseChunkKey,
  parseContentRange,
  planChunks,
  resolveRange,
} from '../../sw/chunks.ts';

const K = CHUNK_SIZE;

describe('resolveRange', () => {
  const size = 1000;
  it.each([
    ['no header', null, { status: 200, range: { start: 0, end: 999 } }],
    ['open-ended from 0', 'bytes=0-', { status: 206, range: { start: 0, end: 999 } }],
    ['Safari probe', 'bytes=0-1', { status: 206, range: { start: 0, end: 1 } }],
    ['bounded', 'bytes=10-19', { status: 206, range: { start: 10, end: 19 } }],
    ['open-ended from the middle', 'bytes=500-', { status: 206, range: { start: 500, end: 999 } }],
    ['last byte', 'bytes=999-999', { status: 206, range: { start: 999, end: 999 } }],
    [
      'end exactly the size is clamped',
      'bytes=0-1000',
      { status: 206, range: { start: 0, end: 999 } },
    ],
    [
      'end past the size is clamped',
      'bytes=0-5000',
      { status: 206, range: { start: 0, end: 999 } },
    ],
    ['suffix', 'bytes=-128', { status: 206, range: { start: 872, end: 999 } }],
    ['suffix longer than the song', 'bytes=-5000', { status: 206, range: { start: 0, end: 999 } }],
    ['start at the size', 'bytes=1000-', { status: 416 }],
    ['start past the size', 'bytes=1500-1600', { status: 416 }],
    ['zero suffix', 'bytes=-0', { status: 416 }],
    [
      'multi-range serves the first',
      'bytes=10-19, 30-39',
      { status: 206, range: { start: 10, end: 19 } },
    ],
    [
      'multi-range skips unsatisfiable',
      'bytes=2000-, 5-6',
      { status: 206, range: { start: 5, end: 6 } },
    ],
    ['whitespace and case', ' Bytes = 1-2 ', { status: 206, range: { start: 1, end: 2 } }],
    ['other unit is ignored', 'items=0-1', { status: 200, range: { start: 0, end: 999 } }],
    ['reversed range is ignored', 'bytes=20-10', { status: 200, range: { start: 0, end: 999 } }],
    ['garbage is ignored', 'bytes=abc', { status: 200, range: { start: 0, end: 999 } }],
    ['lone dash is ignored', 'bytes=-', { status: 200, range: { start: 0, end: 999 } }],
    ['huge start', 'bytes=99999999999999999999999-', { status: 416 }],
    [
      'huge end is clamped',
      'bytes=5-99999999999999999999999',
      { status: 206, range: { start: 5, end: 999 } },
    ],
  ])('%s: %s', (_name, header, expected) => {
    expect(resolveRange(header, size)).toEqual(expected);
  });

  it('an empty song is a 200 without range, and any Range on it is 416', () => {
    expect(resolveRange(null, 0)).toEqual({ status: 200, range: null });
    expect(resolveRange('bytes=0-', 0)).toEqual({ status: 416 });
    expect(resolveRange('bytes=-5', 0)).toEqual({ status: 416 });
  });
});

describe('chunk layout', () => {
  it.each([
    [0, 0],
    [1, 1],
    [K, 1],
    [K + 1, 2],
    [3 * K, 3],
  ])('a song of %i bytes has %i chunks', (size, count) => {
    expect(chunkCount(size)).toBe(count);
  });

  it('the last chunk is shorter', () => {
    expect(chunkBounds(0, K + 10)).toEqual({ start: 0, end: K - 1 });
    expect(chunkBounds(1, K + 10)).toEqual({ start: K, end: K + 9 });
  });

  it.each([
    ['inside one chunk', { start: 10, end: 19 }, [{ index: 0, from: 10, to: 20 }]],
    ['exactly one chunk', { start: K, end: 2 * K - 1 }, [{ index: 1, from: 0, to: K }]],
    [
      'across a boundary',
      { start: K - 2, end: K + 1 },
      [
        { index: 0, from: K - 2, to: K },
        { index: 1, from: 0, to: 2 },
      ],
    ],
    [
      'across three chunks',
      { start: 5, end: 2 * K + 5 },
      [
        { index: 0, from: 5, to: K },
        { index: 1, from: 0, to: K },
        { index: 2, from: 0, to: 6 },
      ],
    ],
  ])('plan %s', (_name, range, expected) => {
    expect(planChunks(range)).toEqual(expected);
  });

  it('property: the slices of any range concatenate to exactly the asked bytes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.nat(),
        fc.nat(),
        (chunkSize, size, a, b) => {
          const start = a % size;
          const end = start + (b % (size - start));
          const song = Array.from({ length: size }, (_, i) => i);
          const out: number[] = [];
          let previous = -1;
          // Plain checks in the loop, one assertion at the end: thousands of expect() calls per
          // run made this property take over 20 s on a loaded 2-core machine.
          const wrong: string[] = [];
          for (const slice of planChunks({ start, end }, chunkSize)) {
            const index = previous === -1 ? Math.floor(start / chunkSize) : previous + 1;
            if (slice.index !== index) wrong.push(`index ${slice.index}, want ${index}`);
            previous = slice.index;
            const bounds = chunkBounds(slice.index, size, chunkSize);
            const chunk = song.slice(bounds.start, bounds.end + 1);
            if (slice.to > chunk.length || slice.from >= slice.to)
              wrong.push(`slice ${slice.from}-${slice.to} of a ${chunk.length}-byte chunk`);
            out.push(...chunk.slice(slice.from, slice.to));
          }
          expect(wrong).toEqual([]);
          expect(out.join()).toBe(song.slice(start, end + 1).join());
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: resolved ranges always lie inside the song', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.option(fc.nat(6000)), fc.option(fc.nat(6000)), (size, a, b) => {
        const header = `bytes=${a ?? ''}-${b ?? ''}`;
        const answer = resolveRange(header, size);
        if (answer.status === 206) {
          expect(answer.range.start).toBeGreaterThanOrEqual(0);
          expect(answer.range.end).toBeLessThan(size);
          expect(answer.range.start).toBeLessThanOrEqual(answer.range.end);
        } else if (answer.status === 416) {
          expect(a === null ? b === 0 || size === 0 : a >= size).toBe(true);
        }
      }),
    );
  });
});

describe('Content-Range and chunk keys', () => {
  it('parses Content-Range', () => {
    expect(parseContentRange('bytes 0-9/100')).toEqual({ range: { start: 0, end: 9 }, size: 100 });
    expect(parseContentRange('bytes */100')).toEqual({ range: null, size: 100 });
    expect(parseContentRange('bytes 5-200/100')).toBeNull();
    expect(parseContentRange(null)).toBeNull();
  });

  it('keys carry id and ETag and round-trip', () => {
    const key = formatChunkKey('a b/c', '"x/y"', 7);
    expect(key.startsWith('https://tapedeck.chunks/')).toBe(true);
    expect(new URL(key).pathname.split('/')).toHaveLength(4);
    expect(parseChunkKey(key)).toEqual({ id: 'a b/c', etag: '"x/y"', index: 7 });
    expect(formatChunkKey('s', '"v1"', 0)).not.toBe(formatChunkKey('s', '"v2"', 0));
  });
});
