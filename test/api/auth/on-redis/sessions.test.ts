import { onRedis } from './on-redis.ts';

// The accounts' sessions suite, unchanged, with its state in Redis.
onRedis();
await import('../sessions.test.ts');
