import { type H3Event, HTTPError } from 'h3';

/**
 * The request's JSON object body, read with a cap: more than `maxBytes` → 413 (counted as it
 * arrives, whatever Content-Length said), not `application/json` → 403 (as request-guard.ts), not UTF-8 or not JSON → 400, JSON that is not an object
 * (an array, a number, null) → 400.
 */
export async function readJsonObject(
  event: H3Event,
  maxBytes = 16 * 1024,
): Promise<Record<string, unknown>> {
  const type = event.req.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw HTTPError.status(403, 'Forbidden', {
      message: 'writes must be JSON: send Content-Type: application/json',
    });
  }
  const text = await readText(event.req.body, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('the body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('the body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

async function readText(body: ReadableStream<Uint8Array> | null, maxBytes: number) {
  if (!body) return '';
  const reader = body.getReader();
  const pieces: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw HTTPError.status(413, 'Content Too Large', {
        message: `the body is larger than ${maxBytes} bytes`,
      });
    }
    pieces.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(pieces));
  } catch {
    throw badRequest('the body is not UTF-8');
  }
}

function badRequest(message: string) {
  return HTTPError.status(400, 'Bad Request', { message });
}
