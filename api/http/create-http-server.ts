import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { H3 } from 'h3';
import { toNodeHandler } from 'srvx/node';
import type { StreamAuthorizer } from '../auth/authorize-stream.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { AudioStore } from '../storage/audio-store.ts';
import { createStreamFastPath } from './stream-fast-path.ts';

/**
 * Node's HTTP server for Tapedeck: the stream route's fast path first, everything else through the
 * h3 app (via srvx's Node adapter). Other runtimes can serve `app.fetch` alone: same behaviour.
 * With `tls` (PEM certificate and key) it is an HTTPS server with the same handler.
 */
export function createHttpServer(deps: {
  app: H3;
  catalog: Catalog;
  audio: AudioStore;
  authorize: StreamAuthorizer;
  tls?: { cert: string | Buffer; key: string | Buffer };
}): Server {
  const handleStream = createStreamFastPath(deps);
  // srvx types its handler for HTTP/1 and HTTP/2 alike; this server is HTTP/1 only.
  const handleApp = toNodeHandler(deps.app.fetch) as unknown as (
    req: IncomingMessage,
    res: ServerResponse,
  ) => unknown;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (!handleStream(req, res)) void handleApp(req, res);
  };
  return deps.tls ? createHttpsServer(deps.tls, handler) : createServer(handler);
}
