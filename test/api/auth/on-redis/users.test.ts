import { onRedis } from './on-redis.ts';

// The accounts' users suite, unchanged, with its state in Redis.
onRedis();
await import('../users.test.ts');
