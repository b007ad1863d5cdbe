import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameItems, sameRecords, shallowEqual } from '../../client/lib/equal.ts';

const state = (id: string, cachedBytes: number) => ({
  id,
  status: cachedBytes > 0 ? 'partial' : 'none',
  cachedBytes,
  size: 100,
  downloading: false,
  pinned: false,
});

describe('shallowEqual (unchanged API and worker records)', () => {
  it('is true for equal flat records, false when a value, a key or null differs', () => {
    expect(shallowEqual({ a: 1, b: null }, { b: null, a: 1 })).toBe(true);
    expect(shallowEqual({ a: 1, b: null }, { a: 1, b: 0 })).toBe(false);
    expect(shallowEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(shallowEqual({ a: 1, b: undefined }, { a: 1, c: undefined })).toBe(false);
    expect(shallowEqual({ a: Number.NaN }, { a: Number.NaN })).toBe(true);
  });

  it('matches a JSON comparison for records of primitives', () => {
    const record = fc.dictionary(
      fc.constantFrom('id', 'title', 'size', 'album'),
      fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 3 }), fc.constant(null)),
    );
    fc.assert(
      fc.property(record, record, (a, b) => {
        const sorted = (r: object) => JSON.stringify(Object.entries(r).sort());
        expect(shallowEqual(a, b)).toBe(sorted(a) === sorted(b));
      }),
    );
  });
});

describe('sameItems', () => {
  it('compares identity and order, not content', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    expect(sameItems([a, b], [a, b])).toBe(true);
    expect(sameItems([a, b], [b, a])).toBe(false);
    expect(sameItems([a], [{ id: 'a' }])).toBe(false);
    expect(sameItems([a], [a, b])).toBe(false);
  });
});

describe('sameRecords (offline-state snapshots)', () => {
  it('is true for the same ids with equal states, whatever the insertion order', () => {
    const a = new Map([
      ['x', state('x', 10)],
      ['y', state('y', 0)],
    ]);
    const b = new Map([
      ['y', state('y', 0)],
      ['x', state('x', 10)],
    ]);
    expect(sameRecords(a, b)).toBe(true);
  });

  it('is false when a song is missing, added or has progressed', () => {
    const a = new Map([['x', state('x', 10)]]);
    expect(sameRecords(a, new Map())).toBe(false);
    expect(sameRecords(a, new Map([...a, ['y', state('y', 0)]]))).toBe(false);
    expect(sameRecords(a, new Map([['x', state('x', 20)]]))).toBe(false);
    expect(sameRecords(a, new Map([['z', state('x', 10)]]))).toBe(false);
  });
});

describe('shallowEqual on songs', () => {
  it('compares arrays of primitives (genres) by their items', () => {
    expect(shallowEqual({ genres: ['a', 'b'] }, { genres: ['a', 'b'] })).toBe(true);
    expect(shallowEqual({ genres: ['a', 'b'] }, { genres: ['a'] })).toBe(false);
    expect(shallowEqual({ genres: ['a'] }, { genres: 'a' })).toBe(false);
  });
});
