import { AwsClient } from 'aws4fetch';
import { StoreUnavailableError } from '../store-unavailable.ts';
import { withIdleTimeout } from './idle-timeout.ts';
import { parseListPage, type S3ListPage, type S3Object } from './list-objects.ts';
import type { S3Settings } from './s3-settings.ts';
import { takeBytes } from './take-bytes.ts';

/** A signed ranged GET that answered 206: its body (a web stream) and the object's ETag. */
export interface S3RangeResponse {
  body: ReadableStream<Uint8Array>;
  etag: string;
  size: number;
}

/**
 * The few S3 calls Tapedeck makes, signed with aws4fetch (as unstorage's s3 driver does; that driver
 * reads whole objects, lists one page without entity decoding, and has no ranges, hence this).
 * Path-style URLs. Every failure becomes a StoreUnavailableError (502, 504 on a timeout).
 */
export function createS3Client(settings: S3Settings, options: { pageSize?: number } = {}) {
  const aws = new AwsClient({
    service: 's3',
    region: settings.region,
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
  });
  const bucketUrl = `${settings.endpoint}/${settings.bucket}`;
  const urlOf = (objectKey: string) => `${bucketUrl}/${encodeKey(objectKey)}`;

  /**
   * Signs and sends; resolves when the headers are in. The timeout covers the wait for the headers
   * only (bodies have their idle timeout): a long song streamed to a slow listener is not a stall.
   */
  async function send(url: string, init: RequestInit, what: string, signal?: AbortSignal) {
    if (signal?.aborted) throw signal.reason;
    const controller = new AbortController();
    const abort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', abort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, settings.timeoutMs);
    try {
      const request = await aws.sign(url, { ...init, signal: controller.signal });
      return await fetch(request);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw failure(what, timedOut ? 'timeout' : (error as Error), settings.timeoutMs);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      // Later, the caller's signal still aborts the body: it is tied to the controller.
      if (signal && !signal.aborted) signal.addEventListener('abort', abort, { once: true });
    }
  }

  return {
    urlOf,
    /**
     * Bytes `start..end` (inclusive, bounded: some stores answer suffix ranges wrongly) of an
     * object, as a 206. With `ifMatch`, a store that honours If-Match answers 412 for another
     * version; the ETag is returned either way for the caller to compare.
     */
    async getRange(
      objectKey: string,
      start: number,
      end: number,
      options: { signal?: AbortSignal; ifMatch?: string } = {},
    ): Promise<S3RangeResponse> {
      const headers: Record<string, string> = { range: `bytes=${start}-${end}` };
      if (options.ifMatch) headers['if-match'] = options.ifMatch;
      const what = `GET ${objectKey} bytes=${start}-${end}`;
      const response = await send(urlOf(objectKey), { headers }, what, options.signal);
      if (response.status !== 206) {
        const body = await response.text().catch(() => '');
        throw failure(what, response.status, settings.timeoutMs, s3Code(body));
      }
      const answered = parseContentRange(response.headers.get('content-range'));
      // A store may answer more than asked (s3rver serves all of `bytes=0-0`): cut it to the range.
      if (
        !answered ||
        answered.start !== start ||
        answered.end < Math.min(end, answered.size - 1)
      ) {
        await response.body?.cancel();
        throw failure(what, response.status, settings.timeoutMs, 'bad Content-Range');
      }
      const length = Math.min(end, answered.size - 1) - start + 1;
      const body = withIdleTimeout(response.body!, settings.timeoutMs, () =>
        failure(what, 'timeout', settings.timeoutMs),
      );
      return {
        body: takeBytes(body, length, (got) =>
          failure(what, new Error(`the body ended after ${got} of ${length} bytes`), 0),
        ),
        etag: response.headers.get('etag') ?? '',
        size: answered.size,
      };
    },
    /** Size, ETag and date of one object; null when there is none. */
    async head(objectKey: string): Promise<Omit<S3Object, 'key'> | null> {
      const what = `HEAD ${objectKey}`;
      const response = await send(urlOf(objectKey), { method: 'HEAD' }, what);
      if (response.status === 404) return null;
      if (!response.ok) throw failure(what, response.status, settings.timeoutMs);
      return {
        size: Number(response.headers.get('content-length')),
        etag: response.headers.get('etag') ?? '',
        lastModified: new Date(response.headers.get('last-modified') ?? 0),
      };
    },
    /** One page of ListObjectsV2 under the prefix (up to 1000 keys, or `pageSize`). */
    async listPage(continuationToken?: string): Promise<S3ListPage> {
      // encoding-type=url: keys may hold characters XML 1.0 cannot carry (stores that ignore it
      // send them raw, and say nothing, which parseListPage handles).
      const query = new URLSearchParams({
        'list-type': '2',
        prefix: settings.prefix,
        'encoding-type': 'url',
      });
      if (options.pageSize) query.set('max-keys', String(options.pageSize));
      if (continuationToken) query.set('continuation-token', continuationToken);
      const what = `LIST ${settings.prefix || '(bucket)'}`;
      const response = await send(`${bucketUrl}?${query}`, {}, what);
      const text = await response.text();
      if (!response.ok) throw failure(what, response.status, settings.timeoutMs, s3Code(text));
      return parseListPage(text);
    },
    /** Uploads one object (seeding a bucket, tests); resolves with its ETag. */
    async put(objectKey: string, body: Uint8Array<ArrayBuffer>, contentType?: string) {
      const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
      const what = `PUT ${objectKey}`;
      const response = await send(urlOf(objectKey), { method: 'PUT', body, headers }, what);
      await response.arrayBuffer();
      if (!response.ok) throw failure(what, response.status, settings.timeoutMs);
      return response.headers.get('etag') ?? '';
    },
  };
}

export type S3Client = ReturnType<typeof createS3Client>;

/**
 * A key as a URL path: every segment percent-encoded (RFC 3986 unreserved characters kept), which is
 * also the canonical form SigV4 signs for S3.
 */
export function encodeKey(key: string): string {
  return key
    .split('/')
    .map((part) =>
      encodeURIComponent(part).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/');
}

/** The error the client and the log get for a failed store call. */
function failure(
  what: string,
  cause: number | 'timeout' | Error,
  timeoutMs: number,
  code = '',
): StoreUnavailableError {
  if (cause === 'timeout') {
    return new StoreUnavailableError(
      504,
      'the audio store did not answer in time',
      `[s3] ${what}: no answer within ${timeoutMs} ms`,
    );
  }
  if (cause instanceof Error) {
    return new StoreUnavailableError(
      502,
      'the audio store cannot be reached',
      `[s3] ${what}: ${cause.message}${causeCode(cause)}`,
      { cause },
    );
  }
  const publicMessage =
    cause === 403 || cause === 401
      ? 'the audio store refused access'
      : cause === 404
        ? 'the song is missing from the audio store'
        : cause === 412
          ? 'the song changed in the audio store'
          : 'the audio store failed';
  return new StoreUnavailableError(
    502,
    publicMessage,
    `[s3] ${what}: HTTP ${cause}${code ? ` ${code}` : ''}`,
    { upstreamStatus: cause },
  );
}

function parseContentRange(value: string | null) {
  const match = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15})$/.exec(value ?? '');
  if (!match) return null;
  const [start, end, size] = match.slice(1).map(Number) as [number, number, number];
  return start <= end && end < size ? { start, end, size } : null;
}

/** `<Code>NoSuchKey</Code>` from an S3 error body, for the log line. */
function s3Code(body: string): string {
  return /<Code>([A-Za-z]{1,64})<\/Code>/.exec(body)?.[1] ?? '';
}

function causeCode(error: Error): string {
  const code = (error.cause as NodeJS.ErrnoException | undefined)?.code;
  return code ? ` (${code})` : '';
}
