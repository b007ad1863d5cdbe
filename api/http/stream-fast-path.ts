import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { StreamAuthorizer } from '../auth/authorize-stream.ts';
import type { HeaderSource } from '../lib/http-semantics/conditional.ts';
import { SONG_ID_PATTERN } from '../scan/song-id.ts';
import {
  type PreparedStream,
  prepareStream,
  prepareStreamNow,
  reportBodyError,
  type StreamDeps,
} from '../stream/prepare-stream.ts';
import { writeNodeBody } from './node-body.ts';

const PREFIX = '/songs/listen/';

/**
 * The stream route on Node's own request/response objects, in front of h3: no fetch Request or
 * Response, no web stream (the fs store's `send` writes from a shared descriptor into the socket),
 * no router. It answers what the h3 route answers (both go through prepare-stream.ts and the stream
 * core) and returns false for what it does not answer itself (other paths and methods, malformed or
 * unknown ids, requests not authorized from memory), which h3 then handles — including the JSON
 * errors.
 */
export function createStreamFastPath(deps: StreamDeps & { authorize: StreamAuthorizer }) {
  return function handleStream(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? '';
    const method = req.method;
    if ((method !== 'GET' && method !== 'HEAD') || !url.startsWith(PREFIX)) return false;
    const query = url.indexOf('?');
    const id = url.slice(PREFIX.length, query === -1 ? undefined : query);
    if (!SONG_ID_PATTERN.test(id)) return false;
    const entry = deps.catalog.get(id);
    if (!entry) return false;
    // A session or link verified recently, and its security headers; else h3 checks and answers.
    const security = deps.authorize(req, id);
    if (security === null) return false;

    const request = nodeHeaders(req);
    const fail = (error: unknown) => {
      deps.log?.error('stream failed', error);
      res.destroy();
    };
    let ready: PreparedStream | undefined;
    try {
      // Most range requests find their descriptor open: answered in this call, no promise.
      ready = prepareStreamNow(deps, entry, method, request);
      if (ready) sendPrepared(deps, ready, security, res);
    } catch (error) {
      fail(error);
      return true;
    }
    if (!ready) {
      prepareStream(deps, entry, method, request)
        .then((prepared) => sendPrepared(deps, prepared, security, res))
        .catch(fail);
    }
    return true;
  };
}

/** Writes the planned answer: its head, then its body from the opened object. */
function sendPrepared(
  deps: StreamDeps,
  { plan, object, key }: PreparedStream,
  security: readonly (readonly [string, string])[],
  res: ServerResponse,
) {
  try {
    res.writeHead(plan.status, STATUS_CODES[plan.status], headerList(security, plan.headers));
  } catch (error) {
    object?.close(); // e.g. a header value Node refuses: nothing was sent yet
    throw error;
  }
  if (plan.body.kind === 'text') return void res.end(plan.body.text);
  if (!object) return void res.end();
  writeNodeBody(plan.body, object, res, (error) => {
    // Cut rather than end: a body shorter than its Content-Length must not look complete.
    if (error) res.destroy();
    else res.end();
    reportBodyError(deps, key, error);
  });
}

/**
 * Every header of the answer as one flat list: `writeHead` then stores them in one pass instead of
 * a `setHeader` (validate, lower-case, store) for each. The plan's own value wins a shared name.
 */
function headerList(
  security: readonly (readonly [string, string])[],
  plan: Record<string, string>,
): string[] {
  const list: string[] = [];
  for (const [name, value] of security) if (!(name in plan)) list.push(name, value);
  for (const name in plan) list.push(name, plan[name]!);
  return list;
}

/** A `Headers`-like view of Node's parsed headers (already lower-cased), without copying them. */
function nodeHeaders(req: IncomingMessage): HeaderSource {
  return {
    get(name) {
      const value = req.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}
