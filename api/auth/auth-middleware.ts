import { type H3Event, HTTPError } from 'h3';
import { clearedSessionCookies, readSessionToken } from './cookies.ts';
import type { Auth } from './create-auth.ts';
import { unauthorized } from './current-user.ts';
import { checkHost, checkWrite } from './request-guard.ts';
import { isStreamPath, streamTargetOf } from './stream-target.ts';

/** DESIGN's public surface, besides the client's static files. Everything else needs a session. */
const PUBLIC_ROUTES = new Set([
  'GET /api/health',
  'HEAD /api/health',
  'POST /api/auth/login',
  'POST /api/auth/setup',
  'GET /api/auth/me',
  'HEAD /api/auth/me',
]);
/**
 * A stream link is for other players, cast receivers included: a receiver is a web page on its own
 * origin, whose media element `same-origin` would refuse. The token is the permission.
 */
export const LINK_RESOURCE_POLICY = ['cross-origin-resource-policy', 'cross-origin'] as const;

/**
 * Paths the API answers: private unless listed above. Other paths are the client's files and views
 * (`/songs` itself is the client's songs view; only `/songs/listen/…` streams).
 */
export function isApiPath(path: string): boolean {
  return (
    path === '/api' ||
    path.startsWith('/api/') ||
    path === '/songs/listen' ||
    path.startsWith('/songs/listen/')
  );
}

/**
 * The h3 app's `onRequest` and `onResponse` hooks: every request is checked here before routing
 * (host, CSRF, session or stream link), and every response leaves with the security headers. New
 * routes are private without doing anything.
 */
export function createAuthMiddleware(auth: Auth) {
  return {
    async onRequest(event: H3Event): Promise<void> {
      const info = auth.requestInfo(event);
      event.context.request = info;
      const { headers, method } = event.req;
      checkHost(headers.get('host'), auth.config.publicUrl?.host);
      checkWrite(method, headers, info.origin);

      const path = event.url.pathname;
      if (!isApiPath(path)) return;
      // nginx's check before a cached stream answer is judged as the stream request it names, by
      // this same code: a link or a session, nothing else.
      const stream = streamTargetOf(path, event.url.searchParams, headers.get('x-original-uri'));
      const linkToken = stream ? stream.query.get('token') : null;
      if (stream && linkToken !== null) {
        const claims = auth.links.verify(stream.songId, linkToken);
        const owner = claims && (await auth.verifier.user(claims.userId));
        if (!claims || !owner || owner.disabled || owner.generation !== claims.generation) {
          throw HTTPError.status(401, 'Unauthorized', {
            message: 'this stream link is invalid or expired',
          });
        }
        event.context.user = { id: owner.id, username: owner.username, admin: owner.admin };
        event.context.viaStreamLink = true;
        return;
      }
      const verdict = await auth.verifier.verify(readSessionToken(headers.get('cookie')));
      if (verdict.ok) {
        event.context.user = verdict.user;
        event.context.sessionHash = verdict.hash;
        return;
      }
      event.context.signedOut = verdict.reason;
      if (!PUBLIC_ROUTES.has(`${method} ${path}`)) throw unauthorized(verdict.reason);
    },

    onResponse(response: Response, event: H3Event): void {
      const info = event.context.request ?? auth.requestInfo(event);
      const html = response.headers.get('content-type')?.startsWith('text/html') ?? false;
      for (const [name, value] of auth.headers.list(info.secure, html)) {
        response.headers.set(name, value);
      }
      if (event.context.viaStreamLink) response.headers.set(...LINK_RESOURCE_POLICY);
      const path = event.url.pathname;
      if (isApiPath(path) && !isStreamPath(path)) {
        // Library data answers a signed-in user: no shared cache may keep it for others. (The
        // stream route stays `public`: a range cache in front authorizes before it answers.)
        const cacheControl = response.headers.get('cache-control');
        if (cacheControl?.includes('public')) {
          response.headers.set('cache-control', cacheControl.replace('public', 'private'));
        }
      }
      const stale = event.context.signedOut && event.context.signedOut !== 'signed-out';
      if (response.status === 401 && stale && readSessionToken(event.req.headers.get('cookie'))) {
        for (const cookie of clearedSessionCookies(info.secure)) {
          response.headers.append('set-cookie', cookie);
        }
      }
    },
  };
}
