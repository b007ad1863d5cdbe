import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { S3Settings } from '../storage/s3/s3-settings.ts';
import type { Child } from './child.ts';
import type { ClusterState } from './cluster-state.ts';
import { freePort } from './free-port.ts';
import { startNginx } from './nginx.ts';
import { seedBucket } from './seed-bucket.ts';
import { startInstance, startRedis, startS3 } from './services.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const INSTANCES = 2;

/**
 * `npm run cluster`: redis-server, s3rver seeded with data/music, two Tapedeck instances (audio in
 * the bucket, state in Redis, each its own CACHE_DIR) and nginx in front, all on loopback. PORT
 * (default 3000; 0 picks a free one) is nginx's. Prints `cluster ready: <url>` last; writes
 * CLUSTER_STATE when set; SIGTERM or SIGINT stops every part, and a part that fails to start stops
 * the ones already started.
 */
const started: Child[] = [];
const base = await mkdtemp(join(tmpdir(), 'tapedeck-cluster-'));
let stopping = false;

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of started.reverse()) await child.stop(5000).catch(() => {});
  await rm(base, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGTERM', () => void stopAll(0));
process.on('SIGINT', () => void stopAll(0));

try {
  const ports = {
    nginx: process.env.PORT === '0' ? await freePort() : Number(process.env.PORT || 3000),
    redis: await freePort(),
    s3: await freePort(),
  };
  const redisDir = join(base, 'redis');
  const s3Dir = join(base, 's3');
  await Promise.all([mkdir(redisDir), mkdir(s3Dir)]);
  const [redis, s3] = await Promise.all([
    startRedis(ports.redis, redisDir),
    startS3(ports.s3, s3Dir, 'tapedeck'),
  ]);
  started.push(redis, s3);
  console.log(
    `cluster: redis on ${ports.redis} (pid ${redis.pid}), s3rver on ${ports.s3} (pid ${s3.pid})`,
  );

  const s3Settings: S3Settings = {
    endpoint: `http://127.0.0.1:${ports.s3}`,
    region: 'us-east-1',
    bucket: 'tapedeck',
    prefix: 'music/',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    timeoutMs: 10_000,
  };
  const songs = await seedBucket(s3Settings, join(repoRoot, 'data/music'));
  console.log(`cluster: ${songs} files in the bucket`);

  const admin = adminAccount();
  const env = instanceEnv(s3Settings, `redis://127.0.0.1:${ports.redis}`, admin);
  const instances: { pid: number; port: number }[] = [];
  // One after the other: the first scans the bucket, the next finds the catalog in Redis.
  for (let i = 0; i < INSTANCES; i++) {
    const port = await freePort();
    const cacheDir = join(base, `instance-${i + 1}`);
    const child = await startInstance(port, { ...env, CACHE_DIR: cacheDir });
    started.push(child);
    child.onLine((line) => console.log(`[instance ${i + 1}] ${line}`));
    instances.push({ pid: child.pid, port });
    console.log(`cluster: instance ${i + 1} on ${port} (pid ${child.pid})`);
  }

  const nginx = await startNginx({
    port: ports.nginx,
    upstreams: instances.map(({ port }) => `127.0.0.1:${port}`),
    dir: join(base, 'nginx'),
  });
  started.push(nginx);

  const url = `http://127.0.0.1:${ports.nginx}/`;
  const state: ClusterState = {
    url,
    instances,
    nginx: { pid: nginx.pid, port: ports.nginx },
    redis: { pid: redis.pid, port: ports.redis },
    s3: { pid: s3.pid, port: ports.s3 },
  };
  if (process.env.CLUSTER_STATE) await writeFile(process.env.CLUSTER_STATE, JSON.stringify(state));
  if (admin.generated) {
    console.log(`cluster: sign in as ${admin.username} / ${admin.password} (generated)`);
  }
  console.log(`cluster ready: ${url}`);
} catch (error) {
  console.error(`cluster: could not start: ${(error as Error).message}`);
  await stopAll(1);
}

function adminAccount() {
  const username = process.env.ADMIN_USERNAME;
  const password = process.env.ADMIN_PASSWORD;
  if (username && password) return { username, password, generated: false };
  return { username: 'admin', password: randomBytes(12).toString('base64url'), generated: true };
}

function instanceEnv(
  s3: S3Settings,
  redisUrl: string,
  admin: { username: string; password: string },
): Record<string, string> {
  return {
    STORAGE: 's3',
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: s3.region,
    S3_BUCKET: s3.bucket,
    S3_PREFIX: s3.prefix,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    REDIS_URL: redisUrl,
    // Instances behind one proxy share one signing secret (sessions, stream links).
    SECRET: process.env.SECRET || randomBytes(32).toString('base64url'),
    ADMIN_USERNAME: admin.username,
    ADMIN_PASSWORD: admin.password,
    TRUST_PROXY: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL || 'info',
  };
}
