import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { LINK_RESOURCE_POLICY } from './auth-middleware.ts';
import { forwardedHttps } from './client-address.ts';
import { readSessionToken } from './cookies.ts';
import type { Auth } from './create-auth.ts';

/** The security headers to send with the answer, or null when the h3 app must answer. */
export type StreamAuthorizer = (
  req: IncomingMessage,
  songId: string,
) => readonly (readonly [string, string])[] | null;

/**
 * The stream route's check on Node's fast path, from memory only: a session or a stream link
 * verified recently (session-verifier.ts keeps them) and the host. Returns the security headers of
 * the answer (written with the rest in one `writeHead`: setting them one by one was a tenth of the
 * route's CPU), or null: let the h3 app answer, which runs the full check (the state store, the
 * 401 with its reason) — so a listener's first request takes the slow path, every range request
 * after it the fast one.
 */
export function createStreamAuthorizer(auth: Auth): StreamAuthorizer {
  const { config, verifier, links } = auth;
  const forLinks = new WeakMap<object, [string, string][]>();
  // A player's range requests repeat one Cookie header: parsed once, not once per range.
  let lastCookie: string | undefined;
  let lastToken: string | undefined;
  const sessionTokenOf = (cookie: string | undefined) => {
    if (cookie !== lastCookie) {
      lastCookie = cookie;
      lastToken = readSessionToken(cookie);
    }
    return lastToken;
  };
  return function authorizeStream(req, songId) {
    const publicHost = config.publicUrl?.host;
    if (publicHost !== undefined && req.headers.host?.toLowerCase() !== publicHost.toLowerCase()) {
      return null;
    }
    const token = linkTokenOf(req.url ?? '');
    if (token !== null) {
      const claims = links.verify(songId, token);
      const owner = claims && verifier.userCached(claims.userId);
      if (!claims || !owner || owner.disabled || owner.generation !== claims.generation) {
        return null;
      }
    } else if (verifier.verifyCached(sessionTokenOf(req.headers.cookie))?.ok !== true) {
      return null;
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
    const headers = auth.headers.list(secure);
    if (token === null) return headers;
    let linked = forLinks.get(headers);
    if (!linked) {
      const [name, value] = LINK_RESOURCE_POLICY;
      linked = [...headers.filter(([other]) => other !== name), [name, value]];
      forLinks.set(headers, linked);
    }
    return linked;
  };
}

/**
 * The `token` parameter of a stream URL, or null. Stream URLs always carry `?v=`: a URLSearchParams
 * per request only when a token may be there.
 */
function linkTokenOf(url: string): string | null {
  const query = url.indexOf('?');
  if (query === -1 || !url.includes('token', query)) return null;
  return new URLSearchParams(url.slice(query + 1)).get('token');
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}
