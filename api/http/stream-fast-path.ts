import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import { pipeline, Readable } from 'node:stream';
import type { StreamAuthorizer } from '../auth/authorize-stream.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { HeaderSource } from '../lib/conditional.ts';
import { multipartBody } from '../routes/stream.ts';
import { planStreamResponse } from '../routes/stream-plan.ts';
import { SONG_ID_PATTERN } from '../scan/song-id.ts';
import type { AudioStore } from '../storage/audio-store.ts';

const PREFIX = '/songs/listen/';

/**
 * The stream route on Node's own request/response objects, in front of h3: no fetch Request or
 * Response, no web stream, no router. It sends the same plan as the h3 route (stream-plan.ts) and
 * returns false for anything it does not answer itself (other paths, methods, malformed or unknown
 * ids, requests not authorized from memory), which h3 then handles — including the JSON errors.
 */
export function createStreamFastPath({
  catalog,
  audio,
  authorize,
}: {
  catalog: Catalog;
  audio: AudioStore;
  authorize: StreamAuthorizer;
}) {
  return function handleStream(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? '';
    const method = req.method;
    if ((method !== 'GET' && method !== 'HEAD') || !url.startsWith(PREFIX)) return false;
    const query = url.indexOf('?');
    const id = url.slice(PREFIX.length, query === -1 ? undefined : query);
    if (!SONG_ID_PATTERN.test(id)) return false;
    const entry = catalog.get(id);
    if (!entry) return false;
    // A session or link verified recently, and the security headers; else h3 checks and answers.
    if (!authorize(req, res, id)) return false;

    const { status, headers, body } = planStreamResponse(entry, method, nodeHeaders(req));
    res.writeHead(status, STATUS_CODES[status], headers);
    switch (body.kind) {
      case 'none':
        res.end();
        break;
      case 'text':
        res.end(body.text);
        break;
      case 'bytes':
        if (audio.send) audio.send(entry.key, entry.version, body.start, body.end, res);
        else pipeline(audio.read(entry.key, body.start, body.end), res, () => {});
        break;
      case 'multipart':
        pipeline(Readable.from(multipartBody(audio, entry.key, body.plan)), res, () => {});
        break;
    }
    return true;
  };
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
