import { onRedis } from './on-redis.ts';

// The accounts' stream-links suite, unchanged, with its state in Redis.
onRedis();
await import('../stream-links.test.ts');
