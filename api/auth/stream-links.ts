import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed stream links for players without the cookie: `/songs/listen/<id>?token=<t>` where
 * `t = <expiry, base36 seconds>.<user id>.<user generation>.<HMAC-SHA256, base64url>`, the HMAC
 * covering the song id too. One song only; dead after expiry, and when the user's generation moves
 * on (password change, disable) or the user is gone. Verifying is one HMAC over ~60 bytes, no I/O,
 * once per link (a player asks many ranges with one link).
 */
export interface LinkClaims {
  userId: string;
  generation: number;
  expiresAt: number;
}

const TOKEN_PATTERN = /^([0-9a-z]{1,10})\.([A-Za-z0-9_-]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

const VERIFIED_LIMIT = 10_000;

export function createStreamLinks(key: Buffer, ttlSeconds: number, now: () => number) {
  const verified = new Map<string, LinkClaims>();
  const sign = (songId: string, userId: string, generation: string, expiry: string) =>
    createHmac('sha256', key)
      .update(`tapedeck-link-v1\n${songId}\n${userId}\n${generation}\n${expiry}`)
      .digest();

  return {
    create(songId: string, user: { id: string; generation: number }) {
      const expiresAtSeconds = Math.floor(now() / 1000) + ttlSeconds;
      const expiry = expiresAtSeconds.toString(36);
      const mac = sign(songId, user.id, String(user.generation), expiry).toString('base64url');
      return {
        token: `${expiry}.${user.id}.${user.generation}.${mac}`,
        expiresAt: new Date(expiresAtSeconds * 1000),
      };
    },
    /** The claims of a valid, unexpired token for `songId`; null for anything else. */
    verify(songId: string, token: string): LinkClaims | null {
      // A player sends one link for every range it asks: the HMAC is checked once per link.
      const seen = verified.get(`${songId}/${token}`);
      if (seen) return seen.expiresAt > now() ? seen : null;
      const claims = check(songId, token);
      if (claims) remember(`${songId}/${token}`, claims);
      return claims;
    },
  };

  function check(songId: string, token: string): LinkClaims | null {
    const match = TOKEN_PATTERN.exec(token);
    if (!match) return null;
    const [, expiry = '', userId = '', generationText = '', macText = ''] = match;
    const expiresAt = Number.parseInt(expiry, 36) * 1000;
    // The HMAC covers the text as sent: `01` for `1` is a changed token, and refused.
    const expected = sign(songId, userId, generationText, expiry);
    const given = Buffer.from(macText, 'base64url');
    // The canonical encoding only: a token whose last character's spare bits differ is another token.
    if (given.toString('base64url') !== macText || !timingSafeEqual(given, expected)) return null;
    if (expiresAt <= now()) return null;
    return { userId, generation: Number(generationText), expiresAt };
  }

  /** Bounded: past the limit the older half goes (a flood of valid links cannot grow memory). */
  function remember(key: string, claims: LinkClaims) {
    verified.set(key, claims);
    if (verified.size <= VERIFIED_LIMIT) return;
    let drop = verified.size / 2;
    for (const old of verified.keys()) {
      if (drop-- <= 0) break;
      verified.delete(old);
    }
  }
}
