import { request } from 'node:http';

export interface Download {
  bytes: Buffer;
  /** Requests made: one per chunk, plus one per resume after a cut. */
  requests: number;
  /** Times a response was cut short and the rest asked for again with Range. */
  resumes: number;
}

/**
 * Downloads a song in aligned ranges of `chunk` bytes (a divisor of nginx's 1 MiB slice, as the
 * service worker's 256 KiB chunks are), each checked for its status, Content-Range and length, with
 * `If-Range` on the first answer's ETag. A response cut short is resumed from the byte it stopped
 * at (`Range: bytes=<received>-<chunk end>`), at most `maxResumes` times in all.
 *
 * Requests stay inside one nginx slice on purpose: when an instance dies in the middle of a slice,
 * nginx (1.22, and the slice module as it is today) logs the premature close but goes on with the
 * next slice in the same response, so a single request spanning slices carries spliced bytes
 * before it stops short (and the connection stays open). Within one slice, a cut response is a
 * correct prefix.
 */
export async function resumingDownload(
  url: string,
  size: number,
  options: {
    chunk: number;
    maxResumes?: number;
    onProgress?: (received: number) => void;
    /** Sent with every request (the session cookie). */
    headers?: Record<string, string>;
  },
): Promise<Download> {
  const bytes = Buffer.alloc(size);
  let received = 0;
  let etag: string | null = null;
  let requests = 0;
  let resumes = 0;
  while (received < size) {
    const { chunk } = options;
    const end = Math.min(size, (Math.floor(received / chunk) + 1) * chunk) - 1;
    const headers: Record<string, string> = {
      ...options.headers,
      range: `bytes=${received}-${end}`,
    };
    if (etag) headers['if-range'] = etag;
    requests++;
    const got = await fetchRange(url, headers, received, end, bytes, (count) => {
      options.onProgress?.(received + count);
    });
    etag ??= got.etag;
    received += got.count;
    if (received <= end && ++resumes > (options.maxResumes ?? 5)) {
      throw new Error(`gave up at byte ${received} of ${size}`);
    }
  }
  return { bytes, requests, resumes };
}

/** One ranged GET into `into` at `start`; resolves with how many bytes came before it ended. */
function fetchRange(
  url: string,
  headers: Record<string, string>,
  start: number,
  end: number,
  into: Buffer,
  onProgress: (count: number) => void,
): Promise<{ count: number; etag: string | null }> {
  return new Promise((resolve) => {
    let count = 0;
    let etag: string | null = null;
    const done = () => resolve({ count, etag });
    const req = request(url, { headers }, (res) => {
      const expected = `bytes ${start}-${end}/${into.length}`;
      if (res.statusCode !== 206 || res.headers['content-range'] !== expected) {
        res.resume();
        res.once('close', done);
        return;
      }
      etag = String(res.headers.etag);
      res.on('data', (piece: Buffer) => {
        const take = Math.min(piece.length, end - start + 1 - count);
        piece.copy(into, start + count, 0, take);
        count += take;
        onProgress(count);
      });
      res.once('close', done);
    });
    // nginx leaves a response whose slice was cut open (short, never ended): give up on it after
    // a few seconds without a byte, as players do.
    req.setTimeout(3000, () => req.destroy());
    req.once('error', done);
    req.end();
  });
}
