import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContentRange } from '../../../api/lib/http-semantics/content-range.ts';
import { firstRequestedByte } from '../../../api/lib/http-semantics/range.ts';
import {
  planResponse,
  type Representation,
} from '../../../api/lib/http-semantics/response-plan.ts';
import { bodyPieces } from '../../../api/stream/body-pieces.ts';

const SIZE = 10_000;
const rep: Representation = {
  size: SIZE,
  type: 'audio/mpeg',
  etag: '"abc"',
  lastModified: new Date('2026-01-05T10:00:00.400Z'),
  headers: { etag: '"abc"', 'accept-ranges': 'bytes' },
};
const DATE = 'Mon, 05 Jan 2026 10:00:00 GMT';
const plan = (headers: Record<string, string>, method: 'GET' | 'HEAD' = 'GET', multipart = true) =>
  planResponse(rep, method, new Headers(headers), { multipart });

describe('planResponse: one answer for the server and the worker', () => {
  it.each<[string, Record<string, string>, number, string | null]>([
    ['no Range: 200', {}, 200, null],
    ['bytes=0-1: 206', { range: 'bytes=0-1' }, 206, `bytes 0-1/${SIZE}`],
    ['bytes = 0-1 (not the grammar): 200', { range: 'bytes = 0-1' }, 200, null],
    ['Bytes=0-1 (unit case-insensitive): 206', { range: 'Bytes=0-1' }, 206, `bytes 0-1/${SIZE}`],
    ['suffix', { range: 'bytes=-10' }, 206, `bytes ${SIZE - 10}-${SIZE - 1}/${SIZE}`],
    ['unsatisfiable: 416', { range: `bytes=${SIZE}-` }, 416, `bytes */${SIZE}`],
    [
      'If-Range strong match',
      { range: 'bytes=5-9', 'if-range': '"abc"' },
      206,
      `bytes 5-9/${SIZE}`,
    ],
    ['If-Range other tag', { range: 'bytes=5-9', 'if-range': '"x"' }, 200, null],
    ['If-Range weak tag', { range: 'bytes=5-9', 'if-range': 'W/"abc"' }, 200, null],
    ['If-Range exact date', { range: 'bytes=5-9', 'if-range': DATE }, 206, `bytes 5-9/${SIZE}`],
    ['If-None-Match: 304', { 'if-none-match': 'W/"abc"' }, 304, null],
    ['If-Match other: 412', { 'if-match': '"x"', range: 'bytes=0-1' }, 412, null],
  ])('%s', (_name, headers, status, contentRange) => {
    const answer = plan(headers);
    expect(answer.status).toBe(status);
    expect(answer.headers['content-range'] ?? null).toBe(contentRange);
    expect(answer.headers.etag).toBe('"abc"');
  });

  it('HEAD answers like a full GET, ignores Range and has no body to read', () => {
    const answer = plan({ range: 'bytes=0-1' }, 'HEAD');
    expect(answer).toMatchObject({ status: 200, body: { kind: 'none' } });
    expect(answer.headers['content-length']).toBe(String(SIZE));
  });

  it('distant ranges: multipart for the server, the whole representation for the worker', () => {
    const range = { range: `bytes=0-9,${SIZE - 10}-` };
    expect(plan(range).body.kind).toBe('multipart');
    expect(plan(range, 'GET', false)).toMatchObject({
      status: 200,
      body: { kind: 'bytes', range: { start: 0, end: SIZE - 1 } },
    });
  });

  it('a representation without a date ignores date conditions and never matches a date If-Range', () => {
    const undated = { ...rep, lastModified: null };
    const h = (headers: Record<string, string>) =>
      planResponse(undated, 'GET', new Headers(headers));
    expect(h({ range: 'bytes=5-9', 'if-range': DATE }).status).toBe(200);
    expect(h({ 'if-modified-since': DATE }).status).toBe(200);
    expect(h({ 'if-unmodified-since': 'Mon, 01 Jan 2001 00:00:00 GMT' }).status).toBe(200);
  });

  it('property: Content-Length is exactly the body, never more than the representation for a single answer', () => {
    const position = fc.oneof(fc.nat(SIZE + 50), fc.constant(''));
    const header = fc
      .array(fc.tuple(position, position), { minLength: 1, maxLength: 20 })
      .map((specs) => `bytes=${specs.map(([a, b]) => `${a}-${b}`).join(',')}`);
    fc.assert(
      fc.property(header, fc.boolean(), (range, multipart) => {
        const answer = plan({ range }, 'GET', multipart);
        const length = Number(answer.headers['content-length']);
        if (answer.body.kind !== 'text') expect(bodyPieces(answer.body).length).toBe(length);
        if (answer.status === 206 && answer.body.kind === 'bytes') {
          const parsed = parseContentRange(answer.headers['content-range']!);
          expect(parsed?.range).toEqual(answer.body.range);
          expect(parsed?.size).toBe(SIZE);
        }
        if (answer.body.kind !== 'multipart') expect(length).toBeLessThanOrEqual(SIZE + 64);
        else expect(length).toBeLessThan(SIZE + 16 * 256);
        if (!multipart) expect(answer.body.kind).not.toBe('multipart');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('Content-Range and the first requested byte', () => {
  it.each<[string | null, ReturnType<typeof parseContentRange>]>([
    ['bytes 0-9/100', { range: { start: 0, end: 9 }, size: 100 }],
    ['bytes */100', { range: null, size: 100 }],
    ['bytes 5-200/100', null],
    ['bytes 5-2/100', null],
    ['bytes 0-9/*', null],
    ['bytes 0-9/99999999999999999999', null],
    ['items 0-9/100', null],
    [null, null],
  ])('parses %s', (value, expected) => {
    expect(parseContentRange(value)).toEqual(expected);
  });

  it.each<[string | null, number | null]>([
    [null, null],
    ['bytes=0-', 0],
    ['bytes=300000-', 300_000],
    ['bytes=-500', null],
    ['bytes = 5-', null],
    ['bytes=abc', null],
    ['bytes=7-9,0-1', 7],
    ['bytes=99999999999999999999-', Number.POSITIVE_INFINITY],
  ])('first byte of %s is %s', (header, expected) => {
    expect(firstRequestedByte(header)).toBe(expected);
  });
});
