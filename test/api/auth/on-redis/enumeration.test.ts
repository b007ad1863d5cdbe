import { onRedis } from './on-redis.ts';

// The accounts' enumeration suite, unchanged, with its state in Redis.
onRedis();
await import('../enumeration.test.ts');
