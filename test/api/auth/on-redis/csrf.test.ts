import { onRedis } from './on-redis.ts';

// The accounts' csrf suite, unchanged, with its state in Redis.
onRedis();
await import('../csrf.test.ts');
