import { HTTPError } from 'h3';

/** Where a request came from and how, as far as the server can tell (see client-address.ts). */
export interface RequestInfo {
  /** HTTPS end to end as far as we know: TLS here, a trusted proxy's https, or an https PUBLIC_URL. */
  secure: boolean;
  /** The client's address (through trusted proxies), for throttling and the loopback check. */
  address: string | undefined;
  /** The request came from this machine with no proxy in between. */
  loopback: boolean;
  /** scheme://host the request was sent to: PUBLIC_URL's origin when it is set. */
  origin: string;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Larger bodies are refused before they are read (413). Routes may read less. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** With PUBLIC_URL set, only its host is served (DNS rebinding, misrouted traffic). */
export function checkHost(host: string | null, publicHost: string | undefined): void {
  if (publicHost === undefined) return;
  if (host?.toLowerCase() !== publicHost.toLowerCase()) {
    throw HTTPError.status(421, 'Misdirected Request', {
      message: 'this server answers only for its PUBLIC_URL',
    });
  }
}

/**
 * A state-changing request must be JSON from our own origin. A browser cannot send
 * `Content-Type: application/json` across origins without a CORS preflight (which we never
 * grant), and an `Origin` or `Sec-Fetch-Site` that names another site is refused outright.
 */
export function checkWrite(
  method: string,
  headers: { get(name: string): string | null },
  ownOrigin: string,
): void {
  if (!WRITE_METHODS.has(method)) return;
  const origin = headers.get('origin');
  if ((origin !== null && origin !== ownOrigin) || headers.get('sec-fetch-site') === 'cross-site') {
    throw HTTPError.status(403, 'Forbidden', { message: 'cross-origin requests are refused' });
  }
  const type = headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    // 403, not 415: the rule is "JSON from our own origin, or refused" (a cross-site form
    // can send any other type without a preflight).
    throw HTTPError.status(403, 'Forbidden', {
      message: 'writes must be JSON: send Content-Type: application/json',
    });
  }
  const length = Number(headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) {
    throw HTTPError.status(413, 'Content Too Large', { message: 'the request body is too large' });
  }
}
