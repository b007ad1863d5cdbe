import type { IncomingHttpHeaders } from 'node:http';
import { expect } from 'vitest';

/** The headers DESIGN.md asks of every response. */
export function expectSecurityHeaders(headers: IncomingHttpHeaders, what: string, https = false) {
  const csp = String(headers['content-security-policy']);
  for (const directive of [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "script-src 'self'",
  ]) {
    expect(csp, `${what}: CSP`).toContain(directive);
  }
  expect(csp, `${what}: no inline script`).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('no-referrer');
  if (https) expect(headers['strict-transport-security'], what).toMatch(/max-age=\d{7,}/);
  else expect(headers['strict-transport-security'], what).toBeUndefined();
}
