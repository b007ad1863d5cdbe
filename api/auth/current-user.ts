import { type H3Event, HTTPError } from 'h3';
import type { RequestInfo } from './request-guard.ts';
import type { SessionUser, SignedOutReason } from './session-verifier.ts';

declare module 'h3' {
  interface H3EventContext {
    /** The signed-in user (session cookie or stream link), set by the auth middleware. */
    user?: SessionUser;
    /** The sha256 of the request's session token, when it has a valid one. */
    sessionHash?: string;
    /** Authorized by a stream link (no cookie): a player anywhere may embed the answer. */
    viaStreamLink?: boolean;
    /** Why the request is not signed in (public routes only get this far without a user). */
    signedOut?: SignedOutReason;
    /** Where the request came from and how (set for every request). */
    request?: RequestInfo;
  }
}

export type { SessionUser };

/** The signed-in user, or a 401. Every private route is already guarded by the middleware. */
export function requireUser(event: H3Event): SessionUser {
  const user = event.context.user;
  if (!user) throw unauthorized(event.context.signedOut ?? 'signed-out');
  return user;
}

/** The signed-in user if an admin; 403 for a listener. */
export function requireAdmin(event: H3Event): SessionUser {
  const user = requireUser(event);
  if (!user.admin) throw HTTPError.status(403, 'Forbidden', { message: 'admins only' });
  return user;
}

export function requestInfoOf(event: H3Event): RequestInfo {
  const info = event.context.request;
  if (!info) throw new Error('[auth] the auth middleware did not run for this request');
  return info;
}

const MESSAGES: Record<SignedOutReason, string> = {
  'signed-out': 'sign in first',
  'session-expired': 'your session has ended: sign in again',
  'account-removed': 'this account was removed or disabled',
};

/** 401 `{ error, reason, ...extra }`: the client tells an ended session from a removed account. */
export function unauthorized(reason: SignedOutReason, extra: Record<string, unknown> = {}) {
  return HTTPError.status(401, 'Unauthorized', {
    message: MESSAGES[reason],
    body: { reason, ...extra },
  });
}
