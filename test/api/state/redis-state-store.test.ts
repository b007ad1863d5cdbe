import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRedis, createRedisStateStore } from '../../../api/state/redis-state-store.ts';
import { withLock } from '../../../api/state/state-store.ts';
import { freePort } from '../../helpers/free-port.ts';
import { startTestRedis, type TestRedis } from '../../helpers/redis.ts';
import { waitUntil } from '../../helpers/wait-until.ts';

/**
 * The Redis backend against a real redis-server. Two stores on one Redis stand for two instances:
 * what one writes, counts, locks or publishes, the other sees.
 */
describe('Redis state store', () => {
  let redis: TestRedis;
  let prefix = 0;
  const pair = () => {
    const namespace = { prefix: `t${prefix++}` };
    return [
      createRedisStateStore(redis.url, namespace),
      createRedisStateStore(redis.url, namespace),
    ] as const;
  };
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(() => redis?.close());

  it('shares JSON documents between instances, listed by prefix', async () => {
    const [a, b] = pair();
    await a.storage.setItem('users:a1', { id: 'a1', name: 'Ann' });
    await a.storage.setItem('users:b2', { id: 'b2', name: 'Bob' });
    await a.storage.setItem('sessions:x', { userId: 'a1' });
    expect(await b.storage.getItem('users:a1')).toEqual({ id: 'a1', name: 'Ann' });
    expect((await b.storage.getKeys('users')).sort()).toEqual(['users:a1', 'users:b2']);
    await b.storage.removeItem('users:a1');
    expect(await a.storage.getItem('users:a1')).toBeNull();
    await Promise.all([a.dispose(), b.dispose()]);
  });

  it('counts atomically across instances: 200 concurrent increments give each count once', async () => {
    const [a, b] = pair();
    const counts = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).increment('hits', 60_000)),
    );
    expect(counts.sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    await Promise.all([a.dispose(), b.dispose()]);
  });

  it('expires a counter ttlMs after its first increment, not its last', async () => {
    const [a, b] = pair();
    await a.increment('window', 2000);
    const first = await b.ttl('window');
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(2000);
    await b.increment('window', 2000);
    expect(await a.ttl('window')).toBeLessThanOrEqual(first);
    await waitUntil(async () => (await a.ttl('window')) === 0, 'the counter to expire');
    expect(await b.increment('window', 2000)).toBe(1);
    await a.reset('window');
    expect(await b.ttl('window')).toBe(0);
    await Promise.all([a.dispose(), b.dispose()]);
  });

  it('grants a lock to one holder across instances; only the holder releases or renews it', async () => {
    const [a, b] = pair();
    const holders = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).lock('scan', 60_000)),
    );
    expect(holders.filter(Boolean)).toHaveLength(1);
    await holders.find(Boolean)!.release();
    const short = (await a.lock('scan', 1500))!;
    expect(short).not.toBeNull();
    expect(await b.lock('scan', 1500)).toBeNull();
    // Renewed while work goes on: still held well past its first lease.
    for (let i = 0; i < 6; i++) {
      expect(await short.renew!(1500)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    expect(await b.lock('scan', 1500)).toBeNull();
    await waitUntil(async () => {
      const next = await b.lock('scan', 60_000);
      if (next) await next.release();
      return next !== null;
    }, 'the lease to end');
    const next = await b.lock('scan', 60_000);
    // A holder whose lease ran out can neither release nor renew the next holder's lock.
    await short.release();
    expect(await short.renew!()).toBe(false);
    expect(await a.lock('scan', 60_000)).toBeNull();
    await next!.release();
    expect(await withLock(a, 'scan', async () => 42)).toBe(42);
    await Promise.all([a.dispose(), b.dispose()]);
  });

  it('publishes to the subscribers of every instance, and stops after unsubscribing', async () => {
    const [a, b] = pair();
    const got: string[] = [];
    const stop = b.subscribe('catalog', (message) => got.push(`b:${message}`));
    const stopA = a.subscribe('catalog', (message) => got.push(`a:${message}`));
    // SUBSCRIBE is asynchronous: publish until the first message gets through.
    await waitUntil(async () => {
      await a.publish('catalog', 'ping');
      return got.includes('b:ping') && got.includes('a:ping');
    }, 'both subscriptions');
    stop();
    got.length = 0;
    await a.publish('catalog', 'v2');
    await waitUntil(() => got.includes('a:v2'), 'the message');
    expect(got).not.toContain('b:v2');
    stopA();
    await Promise.all([a.dispose(), b.dispose()]);
  });

  it('fails at start, naming REDIS_URL, when Redis cannot be reached', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    await expect(checkRedis(url)).rejects.toThrow(/^REDIS_URL: cannot reach Redis/);
    await expect(checkRedis(redis.url)).resolves.toBeUndefined();
  });

  it('a command fails (does not hang) while Redis is down', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const state = createRedisStateStore(url);
    await expect(state.increment('x', 1000)).rejects.toThrow();
    await state.dispose();
  });
});
