import { onRedis } from './on-redis.ts';

// The accounts' throttle suite, unchanged, with its state in Redis.
onRedis();
await import('../throttle.test.ts');
