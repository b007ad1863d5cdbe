/**
 * Characters that can forge or disguise a line of text: C0 and C1 controls, DEL, the Unicode line
 * and paragraph separators, and the bidirectional marks, overrides and isolates ("Trojan Source").
 * (Tested code point by code point rather than with a regular expression of control characters.)
 */
export function isControlChar(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

const NAMED: Record<number, string> = { 10: '\\n', 13: '\\r', 9: '\\t', 92: '\\\\' };

/**
 * Makes text safe for one log line: every control character becomes a visible escape (`\n`,
 * `\x1b`, `\u202e`), and a backslash is doubled so an escape in a file name cannot pass for one.
 */
export function escapeControlChars(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x5c && !isControlChar(code)) continue;
    out += text.slice(from, i) + (NAMED[code] ?? hexEscape(code));
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Tag text as shown to listeners: controls become spaces, runs of whitespace one space, trimmed. */
export function stripControlChars(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += isControlChar(code) ? ' ' : text[i];
  }
  return out.replace(/\s+/g, ' ').trim();
}

function hexEscape(code: number): string {
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}
