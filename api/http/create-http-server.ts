import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { H3 } from 'h3';
import { toNodeHandler } from 'srvx/node';
import type { StreamAuthorizer } from '../auth/authorize-stream.ts';
import type { StreamDeps } from '../stream/prepare-stream.ts';
import { createStreamFastPath } from './stream-fast-path.ts';

export interface HttpTimeouts {
  /**
   * A connection that takes nothing for this long is cut (Node's socket timeout): a paused
   * `<audio>` that never reads again. Safe to cut, since a player resumes with a new Range.
   */
  stallMs: number;
  /** Time to receive a request's headers (slowloris). */
  headersMs: number;
  /** Time to receive a whole request. */
  requestMs: number;
  /** How long an idle kept-alive connection stays open between requests. */
  keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = {
  stallMs: 60_000,
  headersMs: 15_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
};

/**
 * Node's HTTP server for Tapedeck: the stream route's fast path first, everything else through the
 * h3 app (via srvx's Node adapter). Other runtimes can serve `app.fetch` alone: same behaviour.
 */
export function createHttpServer(
  deps: StreamDeps & {
    app: H3;
    /** The stream route's access check on the fast path (auth/authorize-stream.ts). */
    authorize: StreamAuthorizer;
    timeouts?: Partial<HttpTimeouts>;
    /** PEM certificate and key: an HTTPS server with the same handler. */
    tls?: { cert: string | Buffer; key: string | Buffer };
  },
): Server {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...deps.timeouts };
  const handleStream = createStreamFastPath(deps);
  // srvx types its handler for HTTP/1 and HTTP/2 alike; this server is HTTP/1 only.
  const handleApp = toNodeHandler(deps.app.fetch) as unknown as (
    req: IncomingMessage,
    res: ServerResponse,
  ) => unknown;
  const options = {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
  };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (!handleStream(req, res)) void handleApp(req, res);
  };
  const server = deps.tls
    ? createHttpsServer({ ...options, ...deps.tls }, handler)
    : createServer(options, handler);
  // Without a 'timeout' listener, Node destroys the socket when it fires: exactly the stall cut.
  server.setTimeout(timeouts.stallMs);
  return server;
}
