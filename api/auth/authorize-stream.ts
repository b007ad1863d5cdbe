import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { LINK_RESOURCE_POLICY } from './auth-middleware.ts';
import { forwardedHttps } from './client-address.ts';
import { readSessionToken } from './cookies.ts';
import type { Auth } from './create-auth.ts';

export type StreamAuthorizer = (
  req: IncomingMessage,
  res: ServerResponse,
  songId: string,
) => boolean;

/**
 * The stream route's check on Node's fast path, from memory only: a session or a stream link
 * verified recently (session-verifier.ts keeps them), the host, and the security headers set on
 * `res`. True: serve. False: let the h3 app answer, which runs the full check (the state store,
 * the 401 with its reason) — so a listener's first request takes the slow path, every range
 * request after it the fast one.
 */
export function createStreamAuthorizer(auth: Auth): StreamAuthorizer {
  const { config, verifier, links } = auth;
  return function authorizeStream(req, res, songId) {
    const publicHost = config.publicUrl?.host;
    if (publicHost !== undefined && req.headers.host?.toLowerCase() !== publicHost.toLowerCase()) {
      return false;
    }
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const token = query === -1 ? null : new URLSearchParams(url.slice(query + 1)).get('token');
    if (token !== null) {
      const claims = links.verify(songId, token);
      const owner = claims && verifier.userCached(claims.userId);
      if (!claims || !owner || owner.disabled || owner.generation !== claims.generation) {
        return false;
      }
    } else if (verifier.verifyCached(readSessionToken(req.headers.cookie))?.ok !== true) {
      return false;
    }
    const secure =
      (req.socket as TLSSocket).encrypted === true ||
      config.publicUrl?.secure === true ||
      forwardedHttps(
        {
          address: req.socket.remoteAddress,
          forwardedFor: null,
          forwardedProto: header(req, 'x-forwarded-proto'),
        },
        config.trustProxy,
      );
    for (const [name, value] of auth.headers.list(secure)) res.setHeader(name, value);
    if (token !== null) res.setHeader(...LINK_RESOURCE_POLICY);
    return true;
  };
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}
