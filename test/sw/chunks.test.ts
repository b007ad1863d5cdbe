import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHUNK_SIZE,
  chunkBounds,
  chunkCount,
  formatChunkKey,
  parseChunkKey,
  planChunks,
} from '../../sw/chunks.ts';

const K = CHUNK_SIZE;

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
});

describe('chunk keys', () => {
  it('keys carry id and ETag and round-trip', () => {
    const key = formatChunkKey('a b/c', '"x/y"', 7);
    expect(key.startsWith('https://tapedeck.chunks/')).toBe(true);
    expect(new URL(key).pathname.split('/')).toHaveLength(4);
    expect(parseChunkKey(key)).toEqual({ id: 'a b/c', etag: '"x/y"', index: 7 });
    expect(formatChunkKey('s', '"v1"', 0)).not.toBe(formatChunkKey('s', '"v2"', 0));
  });
});
