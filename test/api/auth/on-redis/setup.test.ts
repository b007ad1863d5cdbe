import { onRedis } from './on-redis.ts';

// The accounts' setup suite, unchanged, with its state in Redis.
onRedis();
await import('../setup.test.ts');
