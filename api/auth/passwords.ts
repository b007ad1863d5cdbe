import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt, Node's own memory-hard KDF (no native dependency to build or
 * ship). N = 2^15, r = 8: 32 MiB and ~0.1–0.2 s per hash on a small server, about what argon2id's
 * recommended 19 MiB × 2 passes costs. The parameters are stored with each hash, so stronger ones
 * can come later without invalidating existing passwords.
 *
 * Hashes run one at a time: each holds 32 MiB and a thread of libuv's pool, which the stream
 * route's file reads share. A burst of sign-ins then queues here instead of stalling playback.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const PREFIX = 'scrypt';

/** Format: `scrypt$N$r$p$<salt b64url>$<hash b64url>`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, PARAMS);
  const { N, r, p } = PARAMS;
  return [PREFIX, N, r, p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** True when `password` matches `stored`; false for a mismatch or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) {
    await derive(password, DUMMY_SALT, PARAMS); // same time as a real check
    return false;
  }
  const hash = await derive(password, parsed.salt, parsed.params);
  return hash.length === parsed.hash.length && timingSafeEqual(hash, parsed.hash);
}

/** Costs what a real check costs and fails: the answer for a user that does not exist. */
export async function verifyAgainstNobody(password: string): Promise<false> {
  await derive(password, DUMMY_SALT, PARAMS);
  return false;
}

const DUMMY_SALT = randomBytes(SALT_BYTES);
let queue: Promise<unknown> = Promise.resolve();

function derive(password: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
  const run = () =>
    new Promise<Buffer>((resolve, reject) => {
      const maxmem = 256 * (params.N ?? 0) * (params.r ?? 0) + 1024 * 1024;
      scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...params, maxmem }, (error, key) =>
        error ? reject(error) : resolve(key),
      );
    });
  const result = queue.then(run, run);
  queue = result.catch(() => {});
  return result;
}

function parseHash(stored: string) {
  const [prefix, n, r, p, salt, hash, extra] = stored.split('$');
  if (prefix !== PREFIX || extra !== undefined || !salt || !hash) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const sane =
    Number.isInteger(Math.log2(params.N)) &&
    params.N >= 2 ** 10 &&
    params.N <= 2 ** 20 &&
    params.r >= 1 &&
    params.r <= 32 &&
    params.p === 1;
  return sane
    ? { params, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') }
    : null;
}
