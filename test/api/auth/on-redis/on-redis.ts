import { afterAll } from 'vitest';
import { createRedisStateStore } from '../../../../api/state/redis-state-store.ts';
import { useStateStore } from '../../../helpers/api-server.ts';
import { startTestRedis, type TestRedis } from '../../../helpers/redis.ts';
import { useServerEnv } from '../../../helpers/server-process.ts';

/**
 * Makes every test API of the calling test file keep its state in a real redis-server (started
 * once for the file, stopped after it): each server gets a namespace of its own, so each starts as
 * empty as a memory store, and the suite's clock drives the counters as it does in memory. Server
 * processes the suite starts get REDIS_URL (catalog and state in that Redis, default namespace).
 * The suite is then imported by the caller and runs unchanged.
 */
export function onRedis() {
  let redis: Promise<TestRedis> | null = null;
  let servers = 0;
  useStateStore(async (now) => {
    redis ??= startTestRedis();
    return createRedisStateStore((await redis).url, { prefix: `suite${servers++}`, now });
  });
  useServerEnv(async () => {
    redis ??= startTestRedis();
    return { REDIS_URL: (await redis).url };
  });
  afterAll(async () => {
    await (await redis)?.close();
  });
}
