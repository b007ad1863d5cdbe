import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluatePreconditions,
  isRangeApplicable,
  type PreconditionOutcome,
  type Validators,
} from '../../../api/lib/http-semantics/conditional.ts';
import { formatHttpDate, parseHttpDate } from '../../../api/lib/http-semantics/http-date.ts';

// Half a second past the HTTP date: validators must compare at one-second precision.
const validators: Validators = {
  etag: '"abc"',
  lastModified: new Date('1994-11-06T08:49:37.500Z'),
};
const SAME = 'Sun, 06 Nov 1994 08:49:37 GMT';
const EARLIER = 'Sun, 06 Nov 1994 08:49:36 GMT';
const LATER = 'Sun, 06 Nov 1994 08:49:38 GMT';
const SAME_RFC850 = 'Sunday, 06-Nov-94 08:49:37 GMT';
const SAME_ASCTIME = 'Sun Nov  6 08:49:37 1994';

describe('evaluatePreconditions (RFC 9110 §13.2.2, GET/HEAD)', () => {
  it.each<[string, Record<string, string>, PreconditionOutcome]>([
    ['no conditional headers → proceed', {}, 'proceed'],
    // If-Match: strong comparison
    ['If-Match with our tag → proceed', { 'if-match': '"abc"' }, 'proceed'],
    ['If-Match with another tag → 412', { 'if-match': '"xyz"' }, 'precondition-failed'],
    ['If-Match * → proceed', { 'if-match': '*' }, 'proceed'],
    ['If-Match list containing our tag → proceed', { 'if-match': '"x", "abc"' }, 'proceed'],
    [
      'If-Match weak tag never matches strongly → 412',
      { 'if-match': 'W/"abc"' },
      'precondition-failed',
    ],
    ['If-Match tag with a comma inside quotes', { 'if-match': '"a,b" ,"abc"' }, 'proceed'],
    ['If-Match unquoted tag is malformed → 412', { 'if-match': 'abc' }, 'precondition-failed'],
    ['If-Match empty → 412', { 'if-match': '' }, 'precondition-failed'],
    ['If-Match malformed list → 412', { 'if-match': '"abc" "x"' }, 'precondition-failed'],
    // If-Unmodified-Since: only without If-Match, only when a valid date
    [
      'If-Unmodified-Since before Last-Modified → 412',
      { 'if-unmodified-since': EARLIER },
      'precondition-failed',
    ],
    ['If-Unmodified-Since same second → proceed', { 'if-unmodified-since': SAME }, 'proceed'],
    ['If-Unmodified-Since later → proceed', { 'if-unmodified-since': LATER }, 'proceed'],
    [
      'If-Unmodified-Since invalid date is ignored',
      { 'if-unmodified-since': 'yesterday' },
      'proceed',
    ],
    [
      'If-Unmodified-Since ignored when If-Match matches',
      { 'if-match': '"abc"', 'if-unmodified-since': EARLIER },
      'proceed',
    ],
    // If-None-Match: weak comparison
    ['If-None-Match with our tag → 304', { 'if-none-match': '"abc"' }, 'not-modified'],
    [
      'If-None-Match with our tag marked weak → 304',
      { 'if-none-match': 'W/"abc"' },
      'not-modified',
    ],
    ['If-None-Match * → 304', { 'if-none-match': '*' }, 'not-modified'],
    [
      'If-None-Match list containing our tag → 304',
      { 'if-none-match': 'W/"x",  W/"abc" ' },
      'not-modified',
    ],
    ['If-None-Match with another tag → proceed', { 'if-none-match': '"xyz"' }, 'proceed'],
    ['If-None-Match is case-sensitive → proceed', { 'if-none-match': '"ABC"' }, 'proceed'],
    ['If-None-Match malformed → proceed', { 'if-none-match': 'abc' }, 'proceed'],
    [
      'If-None-Match with a lowercase w/ prefix is malformed',
      { 'if-none-match': 'w/"abc"' },
      'proceed',
    ],
    // If-Modified-Since: only without If-None-Match, only when a valid date
    ['If-Modified-Since same second → 304', { 'if-modified-since': SAME }, 'not-modified'],
    ['If-Modified-Since later → 304', { 'if-modified-since': LATER }, 'not-modified'],
    ['If-Modified-Since earlier → proceed', { 'if-modified-since': EARLIER }, 'proceed'],
    [
      'If-Modified-Since in rfc850 form → 304',
      { 'if-modified-since': SAME_RFC850 },
      'not-modified',
    ],
    [
      'If-Modified-Since in asctime form → 304',
      { 'if-modified-since': SAME_ASCTIME },
      'not-modified',
    ],
    ['If-Modified-Since invalid date is ignored', { 'if-modified-since': 'not a date' }, 'proceed'],
    ['If-Modified-Since loose date is ignored', { 'if-modified-since': '2030' }, 'proceed'],
    [
      'If-Modified-Since with two members is ignored',
      { 'if-modified-since': `${LATER}, ${LATER}` },
      'proceed',
    ],
    [
      'If-Modified-Since ignored when If-None-Match does not match',
      { 'if-none-match': '"xyz"', 'if-modified-since': LATER },
      'proceed',
    ],
    [
      'If-Modified-Since ignored when If-None-Match matches',
      { 'if-none-match': '"abc"', 'if-modified-since': EARLIER },
      'not-modified',
    ],
    // Order between the two groups
    [
      'failed If-Match wins over a matching If-None-Match → 412',
      { 'if-match': '"xyz"', 'if-none-match': '"abc"' },
      'precondition-failed',
    ],
    [
      'failed If-Unmodified-Since wins over If-Modified-Since → 412',
      { 'if-unmodified-since': EARLIER, 'if-modified-since': LATER },
      'precondition-failed',
    ],
    [
      'If-Match ok then If-None-Match matches → 304',
      { 'if-match': '"abc"', 'if-none-match': '"abc"' },
      'not-modified',
    ],
  ])('%s', (_name, headers, expected) => {
    expect(evaluatePreconditions(new Headers(headers), validators)).toBe(expected);
  });

  it('proceeds when Last-Modified is an invalid date (never a false 304 or 412)', () => {
    const broken = { etag: '"abc"', lastModified: new Date(Number.NaN) };
    for (const name of ['if-modified-since', 'if-unmodified-since']) {
      expect(evaluatePreconditions(new Headers({ [name]: SAME }), broken)).toBe('proceed');
    }
  });
});

describe('isRangeApplicable (If-Range, §13.1.5)', () => {
  it.each<[string, string | null, boolean]>([
    ['no If-Range → honour the Range', null, true],
    ['our strong tag → honour', '"abc"', true],
    ['our tag with OWS → honour', ' "abc" ', true],
    ['a weak tag never matches, even ours', 'W/"abc"', false],
    ['another tag → full 200', '"xyz"', false],
    ['a list is not an If-Range value', '"abc", "abc"', false],
    ['an unquoted tag → full 200', 'abc', false],
    ['exactly Last-Modified (second precision) → honour', SAME, true],
    ['exactly Last-Modified in asctime form → honour', SAME_ASCTIME, true],
    ['an earlier date → full 200', EARLIER, false],
    ['a later date is not an exact match → full 200', LATER, false],
    ['garbage → full 200', 'whenever', false],
    ['empty → full 200', '', false],
  ])('%s', (_name, value, expected) => {
    const headers = new Headers(value === null ? {} : { 'if-range': value });
    expect(isRangeApplicable(headers, validators)).toBe(expected);
  });

  it('never honours a tag when our own tag is weak', () => {
    const weak = { ...validators, etag: 'W/"abc"' };
    expect(isRangeApplicable(new Headers({ 'if-range': '"abc"' }), weak)).toBe(false);
  });

  it('honours the date it formatted itself, for any Last-Modified', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(0), max: new Date('9999-12-31'), noInvalidDate: true }),
        (d) => {
          const headers = new Headers({ 'if-range': formatHttpDate(d) });
          expect(isRangeApplicable(headers, { etag: '"e"', lastModified: d })).toBe(true);
        },
      ),
    );
  });
});

describe('formatHttpDate / parseHttpDate', () => {
  it('formats IMF-fixdate', () => {
    expect(formatHttpDate(new Date('1994-11-06T08:49:37.999Z'))).toBe(SAME);
    expect(formatHttpDate(new Date('2026-01-05T00:00:00Z'))).toBe('Mon, 05 Jan 2026 00:00:00 GMT');
  });

  it.each<[string, number | null]>([
    [SAME, 784111777],
    [SAME_RFC850, 784111777],
    [SAME_ASCTIME, 784111777],
    ['Thu, 01 Jan 1970 00:00:00 GMT', 0],
    ['Sun, 06 Nov 0094 08:49:37 GMT', -59174032223], // year 94, not 1994
    ['Tue, 29 Feb 2000 00:00:00 GMT', 951782400],
    ['Wed, 31 Dec 2025 23:59:60 GMT', 1767225600], // leap second rolls over
    ['Sun, 31 Feb 1994 08:49:37 GMT', null],
    ['Sun, 06 Nov 1994 24:00:00 GMT', null],
    ['Sun, 06 Nov 1994 08:60:00 GMT', null],
    ['sun, 06 nov 1994 08:49:37 gmt', null],
    ['Sun, 06 Nov 1994 08:49:37 UTC', null],
    ['Sun, 6 Nov 1994 08:49:37 GMT', null],
    ['Sun, 06 Nov 94 08:49:37 GMT', null],
    ['1994-11-06T08:49:37Z', null],
    ['784111777', null],
    ['', null],
  ])('parses %j as %s', (text, expected) => {
    expect(parseHttpDate(text)).toBe(expected);
  });

  it('reads a two-digit rfc850 year as the most recent past one when 50+ years ahead', () => {
    const year = new Date().getUTCFullYear();
    const ahead = String((year + 51) % 100).padStart(2, '0');
    const parsed = parseHttpDate(`Monday, 01-Jan-${ahead} 00:00:00 GMT`);
    expect(new Date(parsed! * 1000).getUTCFullYear()).toBe(year + 51 - 100);
  });

  it('round-trips any date to the second', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(0), max: new Date('9999-12-31'), noInvalidDate: true }),
        (d) => {
          expect(parseHttpDate(formatHttpDate(d))).toBe(Math.floor(d.getTime() / 1000));
        },
      ),
    );
  });
});

describe('conditional evaluation never throws', () => {
  it('on arbitrary header values', () => {
    const value = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: fc.constantFrom(...'W/"*, \tabc'), maxLength: 30 }),
    );
    fc.assert(
      fc.property(value, (v) => {
        // Headers rejects some code points itself; we only need to survive what it accepts.
        const safe = v.replace(/[^\t\x20-\x7e\x80-\xff]/g, '');
        for (const name of [
          'if-match',
          'if-none-match',
          'if-modified-since',
          'if-unmodified-since',
          'if-range',
        ]) {
          const headers = new Headers({ [name]: safe });
          expect(['proceed', 'not-modified', 'precondition-failed']).toContain(
            evaluatePreconditions(headers, validators),
          );
          expect(typeof isRangeApplicable(headers, validators)).toBe('boolean');
        }
      }),
      { numRuns: 500 },
    );
  });
});
