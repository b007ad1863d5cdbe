import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeArg } from '../../api/log.ts';
import { escapeControlChars, stripControlChars } from '../../api/text/control-chars.ts';

describe('log lines', () => {
  it('escape a newline, an escape sequence and a bidi override from a file name', () => {
    expect(escapeControlChars('a.mp3\n[tapedeck] ✔ forged\u001b[2J\u202egnp.exe')).toBe(
      'a.mp3\\n[tapedeck] ✔ forged\\x1b[2J\\u202egnp.exe',
    );
    expect(escapeControlChars('plain name é.mp3')).toBe('plain name é.mp3');
  });

  it('never hold a control character, and a backslash cannot pass for an escape', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeControlChars(text);
        for (const c of ['\n', '\r', '\u2028', '\u2029', '\u001b'])
          expect(escaped).not.toContain(c);
        // Different texts stay different: escaping is reversible.
        expect(
          JSON.parse(`"${escaped.replaceAll('"', '\\"').replace(/\\x([0-9a-f]{2})/g, '\\u00$1')}"`),
        ).toBe(text);
      }),
    );
  });

  it('turn errors into one escaped line with their causes, then their stack frames', () => {
    const cause = Object.assign(new Error('ELOOP: loop at a\nb.mp3'), { code: 'ELOOP' });
    const line = escapeArg(new Error('rescan\nfailed', { cause })) as string;
    const [first, ...frames] = line.split('\n');
    expect(first).toBe('Error: rescan\\nfailed ← caused by Error ELOOP: ELOOP: loop at a\\nb.mp3');
    expect(frames.every((frame) => /^\s+at /.test(frame))).toBe(true);
  });
});

describe('tag text', () => {
  it('turns control characters into spaces and collapses runs', () => {
    expect(stripControlChars('  A\tB\n\nC\u0000D\u202e ')).toBe('A B C D');
  });
});
