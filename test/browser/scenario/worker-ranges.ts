import { createHash } from 'node:crypto';
import type { BrowserAdapter } from '../adapters/types.ts';
import { createRangeCases } from './range-cases.ts';

export interface FetchedRange {
  range: string | null;
  status: number;
  contentRange: string | null;
  contentLength: string | null;
  contentType: string | null;
  length: number;
  sha256: string;
  error: string | null;
}

/** Page function: fetches `url` once per Range (through the worker) and hashes each body. */
export const fetchRanges = async (
  url: string,
  ranges: (string | null)[],
): Promise<FetchedRange[]> => {
  const out: FetchedRange[] = [];
  for (const range of ranges) {
    try {
      const response = await fetch(url, {
        headers: range ? { Range: range } : {},
        cache: 'no-store',
      });
      const body = new Uint8Array(await response.arrayBuffer());
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
      out.push({
        range,
        status: response.status,
        contentRange: response.headers.get('content-range'),
        contentLength: response.headers.get('content-length'),
        contentType: response.headers.get('content-type'),
        length: body.length,
        sha256: [...digest].map((b) => b.toString(16).padStart(2, '0')).join(''),
        error: null,
      });
    } catch (error) {
      const fields = { status: 0, contentRange: null, contentLength: null, contentType: null };
      out.push({ range, ...fields, length: 0, sha256: '', error: String(error) });
    }
  }
  return out;
};

/**
 * Fetches every range case through the page's service worker and compares status, Content-Range
 * and the exact bytes (by hash) with `file`, the song's bytes as they are on disk. Returns one
 * line per mismatch, naming the engine, the request and what the worker answered.
 */
export async function checkWorkerRanges(
  browser: BrowserAdapter,
  streamUrl: string,
  file: Buffer,
): Promise<string[]> {
  const cases = createRangeCases(file.length);
  const url = `${streamUrl}`;
  const answers = await browser.evaluate(
    fetchRanges,
    url,
    cases.map((c) => c.range),
  );
  const problems: string[] = [];
  cases.forEach((expected, i) => {
    const got = answers[i]!;
    const want = expected.bytes
      ? file.subarray(expected.bytes[0], expected.bytes[1] + 1)
      : Buffer.alloc(0);
    const wrong: string[] = [];
    if (got.error) wrong.push(`fetch failed: ${got.error}`);
    if (got.status !== expected.status) wrong.push(`status ${got.status}, want ${expected.status}`);
    if (got.contentRange !== expected.contentRange) {
      wrong.push(
        `Content-Range ${JSON.stringify(got.contentRange)}, want ${JSON.stringify(expected.contentRange)}`,
      );
    }
    if (expected.status !== 416) {
      if (got.length !== want.length) wrong.push(`${got.length} body bytes, want ${want.length}`);
      else if (got.sha256 !== sha256(want)) wrong.push('body bytes differ from the file on disk');
      if (got.contentLength !== null && Number(got.contentLength) !== want.length) {
        wrong.push(`Content-Length ${got.contentLength}, want ${want.length}`);
      }
    }
    if (wrong.length > 0) {
      problems.push(
        `[${browser.name}] GET ${url} Range: ${expected.range ?? '(none)'} (${expected.why}): ${wrong.join('; ')}`,
      );
    }
  });
  return problems;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
