/**
 * The session cookie. Over HTTPS it is `__Host-tapedeck_session` (the prefix makes browsers
 * insist on Secure, Path=/ and no Domain, so no sibling host can plant or shadow it); over plain
 * HTTP (loopback, tests) `tapedeck_session`. Its lifetime is the browser's longest (400 days):
 * the server decides when a session ends (idle expiry, revocation), the cookie only carries it.
 */
export const COOKIE_NAME = 'tapedeck_session';
export const SECURE_COOKIE_NAME = `__Host-${COOKIE_NAME}`;
const MAX_AGE_SECONDS = 400 * 24 * 3600;

/** The session token in a Cookie header (the secure name first), or undefined. */
export function readSessionToken(header: string | null | undefined): string | undefined {
  if (!header?.includes(COOKIE_NAME)) return undefined;
  let plain: string | undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name === SECURE_COOKIE_NAME) return value;
    if (name === COOKIE_NAME) plain ??= value;
  }
  return plain;
}

export function sessionCookie(token: string, secure: boolean): string {
  const name = secure ? SECURE_COOKIE_NAME : COOKIE_NAME;
  return `${name}=${token}; Max-Age=${MAX_AGE_SECONDS}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** Set-Cookie values that delete the session cookie under both names. */
export function clearedSessionCookies(secure: boolean): string[] {
  const plain = `${COOKIE_NAME}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  return secure
    ? [plain, `${SECURE_COOKIE_NAME}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax; Secure`]
    : [plain];
}
