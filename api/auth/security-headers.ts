import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Headers every response carries, on both transports. The CSP allows no inline script at all;
 * index.html's one inline <style> (the design tokens and the boot outline, inline so the first
 * paint needs no extra request) is allowed by its hash, read from the built index.html and read
 * again when that file changes. Style *attributes* (`style="--p: 40%"` in Lit templates) are
 * allowed by `style-src-attr`: they cannot run script.
 */
export function createSecurityHeaders(clientDir: string | undefined) {
  const indexPath = clientDir ? join(clientDir, 'index.html') : undefined;
  let checkedAt = 0;
  let builtFrom = Number.NaN;
  let plain: [string, string][] = build([]);
  let secure: [string, string][] = withHsts(plain);

  const refresh = () => {
    if (!indexPath || Date.now() - checkedAt < 1000) return;
    checkedAt = Date.now();
    const mtimeMs = statSync(indexPath, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (mtimeMs === builtFrom) return;
    builtFrom = mtimeMs;
    plain = build(mtimeMs ? inlineStyleHashes(readOrEmpty(indexPath)) : []);
    secure = withHsts(plain);
  };
  refresh();

  return {
    /** The headers as [name, value] pairs; `html` rechecks index.html (its styles' hashes). */
    list(isSecure: boolean, html = false): readonly [string, string][] {
      if (html) refresh();
      return isSecure ? secure : plain;
    },
  };
}

/** `'sha256-…'` sources for each inline <style> of an HTML document. */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)].map(
    ([, css = '']) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`,
  );
}

function build(styleHashes: string[]): [string, string][] {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' ${styleHashes.join(' ')}`.trim(),
    "style-src-attr 'unsafe-inline'",
    "img-src 'self'",
    "media-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return [
    ['content-security-policy', csp],
    ['x-content-type-options', 'nosniff'],
    // Stream links carry a token in their URL: never send a URL of ours to anyone.
    ['referrer-policy', 'no-referrer'],
    ['x-frame-options', 'DENY'],
    ['cross-origin-opener-policy', 'same-origin'],
    ['cross-origin-resource-policy', 'same-origin'],
  ];
}

function withHsts(headers: [string, string][]): [string, string][] {
  return [...headers, ['strict-transport-security', 'max-age=31536000']];
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
