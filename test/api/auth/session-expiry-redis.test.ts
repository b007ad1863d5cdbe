import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessions } from '../../../api/auth/sessions.ts';
import { createRedisStateStore } from '../../../api/state/redis-state-store.ts';
import { startTestRedis, type TestRedis } from '../../helpers/redis.ts';

const HOUR = 3_600_000;

/**
 * On Redis no sweep reads every session: each session document carries the TTL of its idle end
 * (renewed when "last seen" is recorded), and a tombstone the TTL of the session it replaced, so
 * Redis deletes it by itself. Checked on the raw keys of a real redis-server.
 */
describe('sessions on Redis expire by themselves', () => {
  let redis: TestRedis;
  let raw: Redis;
  beforeAll(async () => {
    redis = await startTestRedis();
    raw = new Redis(redis.url);
  });
  afterAll(async () => {
    raw?.disconnect();
    await redis?.close();
  });

  it('sets the idle end as the TTL at creation and at every touch, and the tombstone’s end', async () => {
    let clock = 1_000_000;
    const state = createRedisStateStore(redis.url, { prefix: 'ttl', now: () => clock });
    expect(state.expiresDocuments).toBe(true);
    const sessions = createSessions(state, 24 * HOUR, () => clock);
    const ttlOf = (hash: string) => raw.pttl(`ttl:state:sessions:${hash}`);
    const { hash, record } = await sessions.create({ id: 'u1', generation: 1 });
    expect(await ttlOf(hash)).toBeGreaterThan(24 * HOUR - 5_000);
    expect(await ttlOf(hash)).toBeLessThanOrEqual(24 * HOUR);

    clock += 20 * HOUR; // used again 20 hours later: a full idle period from now
    await sessions.touch(hash, record);
    expect(await ttlOf(hash)).toBeGreaterThan(24 * HOUR - 5_000);

    clock += 4 * HOUR; // the account is removed: the tombstone lasts as long as the session would
    expect(await sessions.endAllOf('u1', 'tombstone')).toEqual([hash]);
    expect(await ttlOf(hash)).toBeGreaterThan(20 * HOUR - 5_000);
    expect(await ttlOf(hash)).toBeLessThanOrEqual(20 * HOUR);
    await state.dispose();
  });
});
