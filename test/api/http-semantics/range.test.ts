import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatContentRange,
  formatUnsatisfiedRange,
} from '../../../api/lib/http-semantics/content-range.ts';
import {
  type ByteRange,
  COALESCE_GAP,
  MAX_RANGES,
  PART_OVERHEAD,
  type RangeResolution,
  resolveRange,
} from '../../../api/lib/http-semantics/range.ts';

const ignore: RangeResolution = { kind: 'ignore' };
const unsatisfiable: RangeResolution = { kind: 'unsatisfiable' };
const ranges = (...list: [number, number][]): RangeResolution => ({
  kind: 'ranges',
  ranges: list.map(([start, end]) => ({ start, end })),
});

describe('resolveRange: RFC 9110 §14.1.2 examples on a 10000-byte representation', () => {
  it.each<[string, RangeResolution]>([
    ['bytes=0-499', ranges([0, 499])],
    ['bytes=500-999', ranges([500, 999])],
    ['bytes=-500', ranges([9500, 9999])],
    ['bytes=9500-', ranges([9500, 9999])],
    ['bytes=0-0,-1', ranges([0, 0], [9999, 9999])],
    ['bytes=500-600,601-999', ranges([500, 999])],
    ['bytes=500-700,601-999', ranges([500, 999])],
  ])('%s', (header, expected) => {
    expect(resolveRange(header, 10000)).toEqual(expected);
  });
});

describe('resolveRange: headers that are ignored (200 full)', () => {
  it.each<[string, string | null | undefined]>([
    ['no header (null)', null],
    ['no header (undefined)', undefined],
    ['empty header', ''],
    ['only whitespace', '  \t '],
    ['garbage', 'lol'],
    ['unit with no range set', 'bytes='],
    ['range set of empty elements only', 'bytes= , ,'],
    ['other unit', 'items=0-1'],
    ['unit prefix only', 'byte=0-1'],
    ['missing "="', 'bytes 0-1'],
    ['non-digit positions', 'bytes=a-b'],
    ['lone dash', 'bytes=-'],
    ['last-pos before first-pos', 'bytes=5-2'],
    ['one invalid spec poisons the set (last<first)', 'bytes=0-1,5-2'],
    ['one invalid spec poisons the set (garbage)', 'bytes=0-1,x-2'],
    ['huge last-pos before huge first-pos', 'bytes=99999999999999999999-99999999999999999998'],
    ['space before "="', 'bytes =0-1'],
    ['space after "="', 'bytes= 0-1x'],
    ['spaces around "=" (not in the grammar)', 'bytes = 0-1'],
    ['space inside a range-spec', 'bytes=0 -1'],
    ['space inside a range-spec after dash', 'bytes=0- 1'],
    ['negative number', 'bytes=-1-5'],
    ['signed number', 'bytes=+1-5'],
    ['decimal number', 'bytes=1.5-5'],
    ['hex number', 'bytes=0x1-5'],
    ['exponent', 'bytes=1e3-'],
    ['non-ASCII digits', 'bytes=١-٢'],
    ['two dashes', 'bytes=1--2'],
    ['two range headers folded together', 'bytes=0-1, bytes=5-6'],
    ['semicolon separator', 'bytes=0-1;5-6'],
    ['newline inside', 'bytes=0-1\n,5-6'],
  ])('%s', (_name, header) => {
    expect(resolveRange(header, 10000)).toEqual(ignore);
  });
});

describe('resolveRange: single ranges', () => {
  it.each<[string, string, number, RangeResolution]>([
    ['first byte', 'bytes=0-0', 100, ranges([0, 0])],
    ['Safari probe', 'bytes=0-1', 100, ranges([0, 1])],
    ['open-ended from 0 is a 206 of the whole file', 'bytes=0-', 100, ranges([0, 99])],
    ['open-ended to the end', 'bytes=40-', 100, ranges([40, 99])],
    ['end past the size is clamped', 'bytes=40-1000', 100, ranges([40, 99])],
    ['last byte exactly', 'bytes=99-99', 100, ranges([99, 99])],
    ['start at size is unsatisfiable', 'bytes=100-', 100, unsatisfiable],
    ['start past size is unsatisfiable', 'bytes=150-200', 100, unsatisfiable],
    ['suffix', 'bytes=-10', 100, ranges([90, 99])],
    ['suffix equal to size is the whole file', 'bytes=-100', 100, ranges([0, 99])],
    ['suffix longer than the file is the whole file', 'bytes=-500', 100, ranges([0, 99])],
    ['suffix of zero is unsatisfiable', 'bytes=-0', 100, unsatisfiable],
    ['suffix of zeros is unsatisfiable', 'bytes=-000', 100, unsatisfiable],
    ['leading zeros are fine', 'bytes=0005-0010', 100, ranges([5, 10])],
    ['unit is case-insensitive', 'BYTES=1-2', 100, ranges([1, 2])],
    ['mixed-case unit', 'Bytes=1-2', 100, ranges([1, 2])],
    ['OWS around the whole value', ' \tbytes=1-2 ', 100, ranges([1, 2])],
    ['OWS around the range-spec', 'bytes= 1-2 ', 100, ranges([1, 2])],
    ['empty list elements are tolerated', 'bytes=,1-2,,', 100, ranges([1, 2])],
  ])('%s (%s on %i bytes)', (_name, header, size, expected) => {
    expect(resolveRange(header, size)).toEqual(expected);
  });
});

describe('resolveRange: numbers beyond 2^53 never wrap into a wrong range', () => {
  const size = 10000;
  it.each<[string, string, RangeResolution]>([
    ['huge start', 'bytes=99999999999999999999-', unsatisfiable],
    ['huge start and end', 'bytes=99999999999999999999-99999999999999999999', unsatisfiable],
    ['start just past 2^53', 'bytes=9007199254740993-', unsatisfiable],
    ['start 2^64 + 1 (wraps to 1 in 64-bit math)', 'bytes=18446744073709551617-', unsatisfiable],
    ['huge end is clamped', 'bytes=5-99999999999999999999', ranges([5, 9999])],
    ['very long end is clamped', `bytes=5-${'9'.repeat(5000)}`, ranges([5, 9999])],
    ['huge suffix is the whole file', 'bytes=-99999999999999999999', ranges([0, 9999])],
    ['huge start with leading zeros', `bytes=${'0'.repeat(30)}1-2`, ranges([1, 2])],
    ['huge start beside a good range', 'bytes=0-9,99999999999999999999-', ranges([0, 9])],
  ])('%s', (_name, header, expected) => {
    expect(resolveRange(header, size)).toEqual(expected);
  });

  it('handles the largest safe size exactly', () => {
    const size = Number.MAX_SAFE_INTEGER;
    expect(resolveRange('bytes=9007199254740990-', size)).toEqual(
      ranges([9007199254740990, 9007199254740990]),
    );
    expect(resolveRange('bytes=9007199254740991-', size)).toEqual(unsatisfiable);
    expect(resolveRange('bytes=-2', size)).toEqual(ranges([9007199254740989, 9007199254740990]));
  });
});

describe('resolveRange: empty representation (size 0)', () => {
  it.each<[string, RangeResolution]>([
    ['bytes=0-', unsatisfiable],
    ['bytes=0-0', unsatisfiable],
    ['bytes=-0', unsatisfiable],
    // A non-zero suffix selects the whole (empty) file; no Content-Range can say so → 200 empty.
    ['bytes=-1', ignore],
    ['bytes=0-5,-3', ignore],
    ['bytes=5-2', ignore],
  ])('%s', (header, expected) => {
    expect(resolveRange(header, 0)).toEqual(expected);
  });
});

describe('resolveRange: multiple ranges', () => {
  const size = 100_000;
  it('sorts ranges by start', () => {
    expect(resolveRange('bytes=50000-50009,0-9', size)).toEqual(ranges([0, 9], [50000, 50009]));
  });
  it('drops unsatisfiable ranges and keeps the rest', () => {
    expect(resolveRange('bytes=200000-,0-9', size)).toEqual(ranges([0, 9]));
  });
  it('is unsatisfiable when no range is', () => {
    expect(resolveRange('bytes=200000-,100000-100005,-0', size)).toEqual(unsatisfiable);
  });
  it('coalesces overlapping ranges', () => {
    expect(resolveRange('bytes=0-100,50-150', size)).toEqual(ranges([0, 150]));
  });
  it('coalesces a range contained in another', () => {
    expect(resolveRange('bytes=0-1000,10-20', size)).toEqual(ranges([0, 1000]));
  });
  it('coalesces adjacent ranges', () => {
    expect(resolveRange('bytes=0-99,100-199', size)).toEqual(ranges([0, 199]));
  });
  it(`coalesces ranges separated by a gap smaller than ${COALESCE_GAP} bytes`, () => {
    expect(resolveRange(`bytes=0-9,${10 + COALESCE_GAP - 1}-200`, size)).toEqual(ranges([0, 200]));
  });
  it(`keeps ranges separated by a gap of ${COALESCE_GAP} bytes apart`, () => {
    const second = 10 + COALESCE_GAP;
    expect(resolveRange(`bytes=0-9,${second}-200`, size)).toEqual(ranges([0, 9], [second, 200]));
  });
  it('coalesces duplicated ranges into one', () => {
    expect(resolveRange(`bytes=${Array(1000).fill('0-9').join(',')}`, size)).toEqual(
      ranges([0, 9]),
    );
  });
  it(`answers ${MAX_RANGES} separate ranges`, () => {
    const specs = Array.from({ length: MAX_RANGES }, (_, i) => `${i * 1000}-${i * 1000 + 9}`);
    const result = resolveRange(`bytes=${specs.join(',')}`, size);
    expect(result.kind === 'ranges' && result.ranges.length).toBe(MAX_RANGES);
  });
  it(`ignores more than ${MAX_RANGES} separate ranges (200 full)`, () => {
    const specs = Array.from({ length: MAX_RANGES + 1 }, (_, i) => `${i * 1000}-${i * 1000 + 9}`);
    expect(resolveRange(`bytes=${specs.join(',')}`, size)).toEqual(ignore);
  });
  it('ignores two far-apart ranges that together span almost the whole file', () => {
    expect(resolveRange('bytes=0-49999,50080-99999', size)).toEqual(ignore);
  });
  it('ignores a multi-range request whose parts plus framing would reach the file size', () => {
    // parts [0-a] and [99999]: cost = (a + 1) + 1 + 2 × PART_OVERHEAD, which reaches size at a.
    const a = size - 2 - 2 * PART_OVERHEAD;
    expect(resolveRange(`bytes=0-${a},99999-`, size)).toEqual(ignore);
    expect(resolveRange(`bytes=0-${a - 1},99999-`, size)).toEqual(
      ranges([0, a - 1], [99999, 99999]),
    );
  });
  it('answers overlapping ranges that cover the whole file with one 206 of the file', () => {
    expect(resolveRange('bytes=0-,0-,-100000,0-99999', size)).toEqual(ranges([0, 99999]));
  });
});

describe('resolveRange: bad sizes are programming errors', () => {
  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('throws on size %s', (size) => {
    expect(() => resolveRange('bytes=0-1', size)).toThrow(TypeError);
  });
});

describe('formatContentRange / formatUnsatisfiedRange', () => {
  it('formats a satisfied range as "bytes a-b/size"', () => {
    expect(formatContentRange({ start: 0, end: 499 }, 10000)).toBe('bytes 0-499/10000');
  });
  it('formats an unsatisfied range as "bytes */size"', () => {
    expect(formatUnsatisfiedRange(10000)).toBe('bytes */10000');
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests against a byte-by-byte model: which bytes does the request select?

type Spec = { first: bigint | null; last: bigint | null };

const position = fc.oneof(
  fc.bigInt({ min: 0n, max: 3000n }),
  fc.bigInt({ min: 0n, max: 20000n }),
  fc.bigInt({ min: 2n ** 53n - 2n, max: 2n ** 70n }),
);
const spec: fc.Arbitrary<Spec> = fc.oneof(
  fc
    .tuple(position, position)
    .map(([a, b]) => (a < b ? { first: a, last: b } : { first: b, last: a })),
  fc
    .tuple(fc.bigInt({ min: 0n, max: 20000n }), fc.bigInt({ min: 0n, max: 300n }))
    .map(([first, length]) => ({ first, last: first + length })),
  fc
    .tuple(fc.bigInt({ min: 0n, max: 20000n }), fc.bigInt({ min: 0n, max: 300n }))
    .map(([first, length]) => ({ first, last: first + length })),
  position.map((first) => ({ first, last: null })),
  position.map((last) => ({ first: null, last })),
);
const zeros = fc.nat({ max: 3 }).map((n) => '0'.repeat(n));
const ows = fc.constantFrom('', ' ', '\t', ' \t ');
const headerFor = (specs: Spec[], pad: string[]): string =>
  `bytes=${specs
    .map((s, i) => {
      const digits = (n: bigint | null) => (n === null ? '' : `${pad[i] ?? ''}${n}`);
      return `${digits(s.first)}-${digits(s.last)}`;
    })
    .join(`${pad.length % 2 ? ' ' : ''},`)}`;

/** Marks every byte a spec selects, per RFC 9110 §14.1.2, in BigInt so nothing overflows. */
function modelBytes(specs: Spec[], size: number): Uint8Array {
  const selected = new Uint8Array(size);
  const n = BigInt(size);
  for (const { first, last } of specs) {
    const start = first === null ? (last! > n ? 0n : n - last!) : first;
    const end = first === null || last === null || last >= n ? n - 1n : last;
    if (start >= n) continue;
    for (let b = Number(start); b <= Number(end); b++) selected[b] = 1;
  }
  return selected;
}

/** Runs of selected bytes, merged when closer than COALESCE_GAP. */
function modelRuns(selected: Uint8Array): ByteRange[] {
  const runs: ByteRange[] = [];
  selected.forEach((on, i) => {
    if (!on) return;
    const last = runs[runs.length - 1];
    if (last && i - last.end - 1 < COALESCE_GAP) last.end = i;
    else runs.push({ start: i, end: i });
  });
  return runs;
}

describe('resolveRange: properties against a byte-by-byte model', () => {
  it('returns exactly the model runs, or ignores only when a multi-part answer would not pay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20000 }),
        fc.array(spec, { minLength: 1, maxLength: 24 }),
        fc.array(zeros, { maxLength: 24 }),
        ows,
        (size, specs, pad, space) => {
          const header = `${space}${headerFor(specs, pad)}${space}`;
          const result = resolveRange(header, size);
          const selected = modelBytes(specs, size);
          const runs = modelRuns(selected);
          const suffixOnEmpty = size === 0 && specs.some((s) => s.first === null && s.last! > 0n);
          if (runs.length === 0) {
            expect(result).toEqual(suffixOnEmpty ? ignore : unsatisfiable);
            return;
          }
          const cost = runs.reduce((sum, r) => sum + r.end - r.start + 1 + PART_OVERHEAD, 0);
          if (runs.length > 1 && (runs.length > MAX_RANGES || cost >= size)) {
            expect(result).toEqual(ignore);
            return;
          }
          expect(result).toEqual({ kind: 'ranges', ranges: runs });
          // Restated invariants, independent of how the model merges.
          let total = 0;
          let previousEnd = -1;
          for (const r of runs) {
            expect(r.start).toBeGreaterThan(previousEnd);
            expect(r.end).toBeGreaterThanOrEqual(r.start);
            expect(r.end).toBeLessThan(size);
            expect(selected[r.start]).toBe(1); // ranges start and end on requested bytes
            expect(selected[r.end]).toBe(1);
            total += r.end - r.start + 1;
            previousEnd = r.end;
          }
          expect(total).toBeLessThanOrEqual(size);
          const uncovered = selected.findIndex(
            (on, i) => on === 1 && !runs.some((r) => r.start <= i && i <= r.end),
          );
          expect(uncovered).toBe(-1);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('treats a header with any last-pos < first-pos as invalid', () => {
    fc.assert(
      fc.property(
        fc.array(spec, { maxLength: 5 }),
        fc.bigInt({ min: 1n, max: 2n ** 70n }),
        fc.bigInt({ min: 1n, max: 2n ** 70n }),
        fc.nat({ max: 5 }),
        (specs, a, gap, at) => {
          const bad = { first: a + gap, last: a };
          const all = [...specs.slice(0, at), bad, ...specs.slice(at)];
          expect(resolveRange(headerFor(all, []), 10000)).toEqual(ignore);
        },
      ),
    );
  });

  it('never throws on arbitrary strings and always returns a known kind', () => {
    const anyHeader = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: fc.constantFrom(...'bytes=-,0123456789 \t'), maxLength: 60 }),
      fc.string({ maxLength: 60 }).map((s) => `bytes=${s}`),
    );
    fc.assert(
      fc.property(anyHeader, fc.integer({ min: 0, max: 1_000_000 }), (header, size) => {
        const result = resolveRange(header, size);
        expect(['ignore', 'ranges', 'unsatisfiable']).toContain(result.kind);
        if (result.kind === 'ranges') {
          for (const r of result.ranges) {
            expect(0 <= r.start && r.start <= r.end && r.end < size).toBe(true);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('resolveRange: the single-range shortcut', () => {
  // A leading space is optional whitespace the general parser trims and the shortcut does not
  // take: the same header through both paths must resolve the same.
  const digits = fc.oneof(
    fc.nat({ max: 40 }).map(String),
    fc.nat().map(String),
    fc.stringMatching(/^0{1,3}[0-9]{1,4}$/),
    fc.constant('999999999999999'),
  );
  it('answers every `bytes=first-last` and `bytes=first-` as the general parser does', () => {
    fc.assert(
      fc.property(digits, fc.option(digits), fc.nat({ max: 50 }), (first, last, size) => {
        const header = `bytes=${first}-${last ?? ''}`;
        expect(resolveRange(header, size)).toEqual(resolveRange(` ${header}`, size));
      }),
      { numRuns: 3000 },
    );
  });
});
