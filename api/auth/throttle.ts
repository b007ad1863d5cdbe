import { HTTPError } from 'h3';
import type { StateStore } from '../state/state-store.ts';
import { foldUsername } from './account-rules.ts';
import { throttleKeyOf } from './client-address.ts';

export interface ThrottleLimits {
  /** Attempts per account name per window (a success resets it). */
  perAccount: number;
  /** Attempts per client address (IPv6: per /64) per window. */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = {
  perAccount: 10,
  perAddress: 50,
  windowMs: 15 * 60_000,
};

/**
 * Sign-in throttling with the state store's atomic counters. Each attempt is counted before the
 * password is checked: checking first and counting failures afterwards would let a burst of
 * parallel guesses all pass the check. Unknown names are counted like real ones, so the throttle
 * says nothing about which accounts exist.
 */
export function createThrottle(state: StateStore, limits: ThrottleLimits = DEFAULT_LIMITS) {
  const accountKey = (name: string) => `throttle:account:${foldUsername(name)}`;
  const addressKey = (address: string | undefined) => `throttle:address:${throttleKeyOf(address)}`;

  const count = async (key: string, limit: number) => {
    const n = await state.increment(key, limits.windowMs);
    if (n > limit) throw tooMany(await state.ttl(key));
  };

  return {
    /** Counts one attempt; throws 429 (with Retry-After) when either limit is passed. */
    async attempt(username: string | null, address: string | undefined): Promise<void> {
      await count(addressKey(address), limits.perAddress);
      if (username !== null) await count(accountKey(username), limits.perAccount);
    },
    async succeeded(username: string): Promise<void> {
      await state.reset(accountKey(username));
    },
  };
}

function tooMany(ttlMs: number): HTTPError {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  const minutes = Math.ceil(seconds / 60);
  const when = seconds < 90 ? `${seconds} seconds` : `${minutes} minutes`;
  return HTTPError.status(429, 'Too Many Requests', {
    message: `too many sign-in attempts: try again in ${when}`,
    headers: { 'retry-after': String(seconds) },
    body: { retryAfter: seconds },
  });
}
