import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MultipartPlan, planMultipart } from '../../../api/lib/http-semantics/multipart.ts';
import { type ByteRange, resolveRange } from '../../../api/lib/http-semantics/range.ts';

/** What the route sends: head, the part's bytes, …, tail. */
function assemble(plan: MultipartPlan, data: Uint8Array): Uint8Array {
  const chunks = plan.parts.flatMap((p) => [p.head, data.subarray(p.range.start, p.range.end + 1)]);
  return Buffer.concat([...chunks, plan.tail]);
}
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const bytesOf = (size: number) => Uint8Array.from({ length: size }, (_, i) => i % 256);

describe('planMultipart', () => {
  it('frames a small plan byte for byte', () => {
    const data = new TextEncoder().encode('0123456789');
    const plan = planMultipart(
      [
        { start: 0, end: 1 },
        { start: 8, end: 9 },
      ],
      10,
      'audio/mpeg',
      'B',
    );
    expect(plan.contentType).toBe('multipart/byteranges; boundary=B');
    expect(text(assemble(plan, data))).toBe(
      '--B\r\nContent-Type: audio/mpeg\r\nContent-Range: bytes 0-1/10\r\n\r\n01' +
        '\r\n--B\r\nContent-Type: audio/mpeg\r\nContent-Range: bytes 8-9/10\r\n\r\n89' +
        '\r\n--B--\r\n',
    );
    expect(plan.contentLength).toBe(assemble(plan, data).byteLength);
    expect(plan.parts.map((p) => p.range)).toEqual([
      { start: 0, end: 1 },
      { start: 8, end: 9 },
    ]);
  });

  it('picks a fresh random boundary that is a valid token', () => {
    const a = planMultipart([{ start: 0, end: 0 }], 1, 'audio/ogg');
    const b = planMultipart([{ start: 0, end: 0 }], 1, 'audio/ogg');
    expect(a.contentType).toMatch(/^multipart\/byteranges; boundary=tapedeck-[0-9a-f]{24}$/);
    expect(a.contentType).not.toBe(b.contentType);
  });

  it.each<[string, ByteRange[], number, string, string | undefined]>([
    ['no ranges', [], 10, 'audio/mpeg', undefined],
    ['a range past the end', [{ start: 5, end: 10 }], 10, 'audio/mpeg', undefined],
    ['a reversed range', [{ start: 5, end: 4 }], 10, 'audio/mpeg', undefined],
    ['a negative start', [{ start: -1, end: 4 }], 10, 'audio/mpeg', undefined],
    ['a fractional bound', [{ start: 0.5, end: 4 }], 10, 'audio/mpeg', undefined],
    [
      'a part type that could split headers',
      [{ start: 0, end: 1 }],
      10,
      'audio/mpeg\r\nX: y',
      undefined,
    ],
    ['an empty part type', [{ start: 0, end: 1 }], 10, '', undefined],
    ['an empty boundary', [{ start: 0, end: 1 }], 10, 'audio/mpeg', ''],
    ['a boundary that needs quoting', [{ start: 0, end: 1 }], 10, 'audio/mpeg', 'a b'],
    ['a boundary longer than 70', [{ start: 0, end: 1 }], 10, 'audio/mpeg', 'x'.repeat(71)],
  ])('refuses %s', (_name, ranges, size, type, boundary) => {
    expect(() => planMultipart(ranges, size, type, boundary)).toThrow(TypeError);
  });

  it('contentLength equals the assembled body, and each part carries the right bytes', () => {
    const rangeArb = (size: number) =>
      fc
        .tuple(fc.nat({ max: size - 1 }), fc.nat({ max: size - 1 }))
        .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 3000 })
          .chain((size) =>
            fc.tuple(fc.constant(size), fc.array(rangeArb(size), { minLength: 1, maxLength: 8 })),
          ),
        fc.constantFrom('audio/mpeg', 'audio/ogg; codecs=opus', 'audio/flac'),
        ([size, ranges], type) => {
          const data = bytesOf(size);
          const plan = planMultipart(ranges, size, type);
          const body = assemble(plan, data);
          expect(plan.contentLength).toBe(body.byteLength);
          // Read it back the way a client would: split on the delimiter, check each part.
          const boundary = plan.contentType.split('boundary=')[1]!;
          const sections = text(body).split(`--${boundary}`);
          expect(sections).toHaveLength(ranges.length + 2);
          expect(sections[0]).toBe('');
          expect(sections.at(-1)).toBe('--\r\n');
          sections.slice(1, -1).forEach((section, i) => {
            const { start, end } = ranges[i]!;
            // Each section's trailing CRLF belongs to the next delimiter.
            const head = section.slice(0, section.indexOf('\r\n\r\n'));
            const bytes = section.slice(head.length + 4, -2);
            expect(head).toBe(
              `\r\nContent-Type: ${type}\r\nContent-Range: bytes ${start}-${end}/${size}`,
            );
            expect(bytes).toBe(text(data.subarray(start, end + 1)));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never makes a multi-range answer larger than the file (resolveRange leaves room for framing)', () => {
    const partType = fc.stringMatching(/^audio\/[a-z0-9.+-]{1,20}(; codecs=[a-z0-9.]{1,20})?$/);
    const spec = fc
      .tuple(fc.nat({ max: 200_000 }), fc.nat({ max: 5000 }))
      .map(([start, length]) => `${start}-${start + length}`);
    let multiPart = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200_000 }),
        fc.array(spec, { minLength: 2, maxLength: 20 }),
        partType,
        (size, specs, type) => {
          const resolution = resolveRange(`bytes=${specs.join(',')}`, size);
          if (resolution.kind !== 'ranges' || resolution.ranges.length < 2) return;
          multiPart++;
          expect(planMultipart(resolution.ranges, size, type).contentLength).toBeLessThan(size);
        },
      ),
      { numRuns: 1000 },
    );
    expect(multiPart).toBeGreaterThan(100); // the property was not vacuous
  });
});
