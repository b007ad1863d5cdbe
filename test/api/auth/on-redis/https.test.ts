import { onRedis } from './on-redis.ts';

// The HTTPS suite (built-in TLS, PUBLIC_URL, the server process on https), unchanged, with its
// state in Redis (the server process with REDIS_URL).
onRedis();
await import('../https.test.ts');
