import { afterEach, describe, expect, it } from 'vitest';
import type { ThrottleLimits } from '../../../api/auth/throttle.ts';
import { startTestApi, type TestApi } from '../../helpers/api-server.ts';
import { TEST_ADMIN } from '../../helpers/test-auth.ts';
import { addUser, createClock, json, sendJson } from './auth-client.ts';

let api: TestApi;
afterEach(() => api?.close());

const start = async (limits: ThrottleLimits, authEnv: Record<string, string> = {}) => {
  const clock = createClock();
  api = await startTestApi({}, 'fs', 'node', { now: clock.now, limits, authEnv });
  return clock;
};
const attempt = (username: string, password: string, headers: Record<string, string> = {}) =>
  sendJson(api, 'POST', '/api/auth/login', { username, password }, '', headers);

describe('sign-in throttling', () => {
  it('per account: past the limit, 429 with Retry-After even for the right password, until the window ends', async () => {
    const clock = await start({ perAccount: 3, perAddress: 100, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) expect((await attempt('admin', 'wrong password')).status).toBe(401);
    const blocked = await attempt(TEST_ADMIN.username, TEST_ADMIN.password);
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(json(blocked)).toMatchObject({
      error: expect.stringMatching(/try again in \d+ seconds/),
      retryAfter,
    });
    // Another account from the same address is not blocked by this one's failures.
    await addUser(api, 'eve', 'eve password');
    expect((await attempt('eve', 'eve password')).status).toBe(200);
    // Case and spacing do not make another account.
    expect((await attempt(' ADMIN ', TEST_ADMIN.password)).status).toBe(429);
    clock.advance(61_000);
    expect((await attempt(TEST_ADMIN.username, TEST_ADMIN.password)).status).toBe(200);
  });

  it('per account: a success resets the count', async () => {
    await start({ perAccount: 3, perAddress: 100, windowMs: 60_000 });
    for (let i = 0; i < 2; i++) await attempt('admin', 'wrong password');
    expect((await attempt(TEST_ADMIN.username, TEST_ADMIN.password)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await attempt('admin', 'wrong password')).status).toBe(401);
  });

  it('counts unknown names like real ones (the throttle tells nothing about who exists)', async () => {
    await start({ perAccount: 2, perAddress: 100, windowMs: 60_000 });
    for (const name of ['admin', 'nobody-here']) {
      expect((await attempt(name, 'wrong password')).status).toBe(401);
      expect((await attempt(name, 'wrong password')).status).toBe(401);
      const third = await attempt(name, 'wrong password');
      expect(third.status).toBe(429);
      expect(json(third).error).toMatch(/try again/);
    }
  });

  it('a burst of parallel guesses gets exactly the limit of password checks', async () => {
    await start({ perAccount: 5, perAddress: 100, windowMs: 60_000 });
    const finished: number[] = [];
    await Promise.all(
      Array.from({ length: 25 }, async () => {
        finished.push((await attempt('admin', 'wrong password')).status);
      }),
    );
    expect(finished.filter((s) => s === 401)).toHaveLength(5);
    expect(finished.filter((s) => s === 429)).toHaveLength(20);
    // Counted before checking: the refused ones never waited for a password check (each takes a
    // scrypt), so the last answer is one of the 5 that were checked.
    expect(finished.at(-1)).toBe(401);
  });

  it('per address: many accounts from one address are blocked, and X-Forwarded-For is not believed by default', async () => {
    // 5 per address: the test server's own sign-in at start took one.
    await start({ perAccount: 100, perAddress: 5, windowMs: 60_000 });
    for (let i = 0; i < 4; i++) {
      const forged = { 'x-forwarded-for': `198.51.100.${i}` };
      expect((await attempt(`user${i}`, 'wrong password', forged)).status).toBe(401);
    }
    const blocked = await attempt(TEST_ADMIN.username, TEST_ADMIN.password);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('per address behind a trusted proxy: each client address counts on its own', async () => {
    await start({ perAccount: 100, perAddress: 2, windowMs: 60_000 }, { TRUST_PROXY: '127.0.0.1' });
    const from = (address: string) => ({ 'x-forwarded-for': `${address}, 127.0.0.1` });
    // The proxy appends what it saw; a client-written first entry is ignored (walked from the right).
    for (let i = 0; i < 2; i++)
      expect((await attempt('a', 'wrong password', from('203.0.113.7'))).status).toBe(401);
    expect((await attempt('a', 'wrong password', from('203.0.113.7'))).status).toBe(429);
    expect(
      (await attempt('a', 'wrong password', { 'x-forwarded-for': '1.1.1.1, 203.0.113.7' })).status,
    ).toBe(429);
    expect(
      (await attempt(TEST_ADMIN.username, TEST_ADMIN.password, from('203.0.113.8'))).status,
    ).toBe(200);
    // IPv6 clients are counted per /64: rotating through one's own prefix does not help.
    for (let i = 1; i <= 2; i++) {
      expect((await attempt('b', 'wrong password', from(`2001:db8:1:2::${i}`))).status).toBe(401);
    }
    expect((await attempt('b', 'wrong password', from('2001:db8:1:2:ffff::9'))).status).toBe(429);
  });
});
