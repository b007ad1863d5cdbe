import { STATUS_CODES } from 'node:http';
import type { Readable } from 'node:stream';
import { FastResponse } from 'srvx';

/**
 * A response whose body is a Node stream. srvx pipes such a body straight into the socket (with
 * backpressure, and destroying the stream when the client goes away), which is much cheaper than
 * converting it to a web ReadableStream. Its types only admit web bodies, hence the cast.
 */
export function nodeStreamResponse(
  body: Readable | string | null,
  status: number,
  headers: Record<string, string>,
): Response {
  return new FastResponse(body as unknown as BodyInit | null, {
    status,
    statusText: STATUS_CODES[status],
    headers,
  });
}
