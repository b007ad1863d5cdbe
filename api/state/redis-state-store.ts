import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createStorage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';
import type { StateStore } from './state-store.ts';

/**
 * Adds 1 to a counter (a hash: `count`, and `ends`, when its window ends by the instances' clock,
 * as the fs and memory backends count, so one injected clock drives every backend alike). The first
 * increment, or one after the window, starts a new window; Redis drops the key after it by itself.
 */
const INCREMENT = `
local now = tonumber(ARGV[1])
local ends = tonumber(redis.call('HGET', KEYS[1], 'ends'))
if not ends or ends <= now then
  redis.call('HSET', KEYS[1], 'count', 0, 'ends', now + tonumber(ARGV[2]))
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return redis.call('HINCRBY', KEYS[1], 'count', 1)`;
/** Deletes or extends a lock only for the holder whose token is in it. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

export interface RedisStateOptions {
  /** Namespace of every key and channel, so several deployments can share one Redis. */
  prefix?: string;
  /** The clock counters' windows are measured with (tests move it; instances keep NTP time). */
  now?: () => number;
}

/**
 * State shared by every instance through one Redis (REDIS_URL): documents with unstorage's redis
 * driver; counters (INCR + PEXPIRE in one Lua script), lease locks (SET NX PX, released and renewed
 * only by their holder) and pub/sub (on a connection of its own, as Redis requires) with ioredis.
 */
export function createRedisStateStore(url: string, options: RedisStateOptions = {}): StateStore {
  const prefix = options.prefix ?? 'tapedeck';
  const now = options.now ?? Date.now;
  const redis = connect(url);
  let subscriber: Redis | null = null;
  const listeners = new Map<string, Set<(message: string) => void>>();
  /** SUBSCRIBE commands not yet confirmed: a publish from here waits for them (see publish). */
  const subscribing = new Set<Promise<unknown>>();
  const storage = createStorage({
    driver: redisDriver({ url, base: `${prefix}:state`, ...connectionOptions }),
  });
  const counter = (key: string) => `${prefix}:counter:${key}`;
  const channelOf = (channel: string) => `${prefix}:${channel}`;

  function subscriberConnection(): Redis {
    if (subscriber) return subscriber;
    subscriber = redis.duplicate();
    subscriber.on('error', () => {}); // reconnects by itself; commands report their own errors
    subscriber.on('message', (channel: string, message: string) => {
      for (const listener of listeners.get(channel) ?? []) listener(message);
    });
    return subscriber;
  }

  return {
    storage,
    expiresDocuments: true,
    async increment(key, ttlMs) {
      const window = Math.max(1, Math.ceil(ttlMs));
      return Number(await redis.eval(INCREMENT, 1, counter(key), Math.floor(now()), window));
    },
    async ttl(key) {
      const ends = Number(await redis.hget(counter(key), 'ends'));
      return Number.isFinite(ends) ? Math.max(0, ends - now()) : 0;
    },
    async reset(key) {
      await redis.del(counter(key));
    },
    async lock(name, leaseMs) {
      const key = `${prefix}:lock:${name}`;
      const token = randomUUID();
      const lease = Math.max(1, Math.ceil(leaseMs));
      if ((await redis.set(key, token, 'PX', lease, 'NX')) !== 'OK') return null;
      return {
        async release() {
          await redis.eval(RELEASE, 1, key, token);
        },
        async renew(ms = leaseMs) {
          return (await redis.eval(RENEW, 1, key, token, Math.max(1, Math.ceil(ms)))) === 1;
        },
      };
    },
    async publish(channel, message) {
      // A subscription made here before this publish must see it: SUBSCRIBE runs on another
      // connection, so wait until Redis has confirmed it.
      await Promise.all(subscribing);
      await redis.publish(channelOf(channel), message);
    },
    subscribe(channel, listener) {
      const name = channelOf(channel);
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
        const confirmed = subscriberConnection()
          .subscribe(name)
          .catch(() => {}) // the connection reports its own errors; ioredis resubscribes
          .finally(() => subscribing.delete(confirmed));
        subscribing.add(confirmed);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size > 0 || listeners.get(name) !== set) return;
        listeners.delete(name);
        void subscriber?.unsubscribe(name).catch(() => {});
      };
    },
    async dispose() {
      listeners.clear();
      await storage.dispose();
      subscriber?.disconnect();
      redis.disconnect();
    },
  };
}

/**
 * Fail rather than wait: a command is retried once while Redis reconnects, then rejects (the request
 * gets a 5xx instead of hanging). Connection errors are reported by the commands, not as events.
 */
const connectionOptions = { maxRetriesPerRequest: 1, connectTimeout: 5000 } as const;

function connect(url: string): Redis {
  const redis = new Redis(url, connectionOptions);
  redis.on('error', () => {});
  return redis;
}

/** Resolves once Redis answers PING, or rejects naming REDIS_URL (the server stops at start). */
export async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, {
    ...connectionOptions,
    lazyConnect: true,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`REDIS_URL: cannot reach Redis (${(error as Error).message})`);
  } finally {
    redis.disconnect();
  }
}
