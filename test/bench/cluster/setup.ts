import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Child } from '../../../api/cluster/child.ts';
import { freePort } from '../../../api/cluster/free-port.ts';
import { startNginx } from '../../../api/cluster/nginx.ts';
import { startInstance, startRedis, startS3 } from '../../../api/cluster/services.ts';
import { createS3Client } from '../../../api/storage/s3/s3-client.ts';
import type { S3Settings } from '../../../api/storage/s3/s3-settings.ts';

export interface BenchCluster {
  redis: Child;
  s3: Child & { port: number };
  instances: (Child & { port: number })[];
  /** nginx in front of both instances, and one in front of the first only. */
  nginxBoth: Child & { port: number };
  nginxOne: Child & { port: number };
  s3Settings: S3Settings;
  /** The admin the instances were started with (ADMIN_USERNAME/ADMIN_PASSWORD). */
  admin: { username: string; password: string };
  children: Child[];
}

const ADMIN = { username: 'bench', password: 'bench-password-1' };

/** Redis, s3rver holding `song` (bytes) under music/, two instances, and two nginx fronts. */
export async function startBenchCluster(
  dir: string,
  song: Uint8Array<ArrayBuffer>,
): Promise<BenchCluster> {
  const children: Child[] = [];
  const started = <T extends Child>(child: T) => {
    children.push(child);
    return child;
  };
  try {
    const ports = { redis: await freePort(), s3: await freePort() };
    await Promise.all(['redis', 's3'].map((name) => mkdir(join(dir, name), { recursive: true })));
    const redis = started(await startRedis(ports.redis, join(dir, 'redis')));
    const s3 = started(
      Object.assign(await startS3(ports.s3, join(dir, 's3'), 'bench'), { port: ports.s3 }),
    );
    const s3Settings: S3Settings = {
      endpoint: `http://127.0.0.1:${ports.s3}`,
      region: 'us-east-1',
      bucket: 'bench',
      prefix: 'music/',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      timeoutMs: 10_000,
    };
    await createS3Client(s3Settings).put('music/Bench/Bench/01 - Bench.wav', song);
    const env = {
      STORAGE: 's3',
      S3_ENDPOINT: s3Settings.endpoint,
      S3_BUCKET: 'bench',
      S3_PREFIX: 'music/',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      REDIS_URL: `redis://127.0.0.1:${ports.redis}`,
      SECRET: 'bench-secret-bench-secret-bench-secret',
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
    };
    const instances: (Child & { port: number })[] = [];
    for (const name of ['one', 'two']) {
      const port = await freePort();
      const cacheDir = join(dir, `instance-${name}`);
      instances.push(
        started(
          Object.assign(await startInstance(port, { ...env, CACHE_DIR: cacheDir }), { port }),
        ),
      );
    }
    const nginx = async (name: string, upstreams: number[]) => {
      const port = await freePort();
      const child = await startNginx({
        port,
        upstreams: upstreams.map((p) => `127.0.0.1:${p}`),
        dir: join(dir, name),
      });
      return started(Object.assign(child, { port }));
    };
    const nginxBoth = await nginx(
      'nginx-both',
      instances.map((i) => i.port),
    );
    const nginxOne = await nginx('nginx-one', [instances[0]!.port]);
    return { redis, s3, instances, nginxBoth, nginxOne, s3Settings, admin: ADMIN, children };
  } catch (error) {
    for (const child of children.reverse()) await child.stop(2000);
    throw error;
  }
}

/** Object GETs s3rver has answered so far, and their bytes (its /__stats). */
export async function s3Stats(s3Port: number): Promise<{ gets: number; bytes: number }> {
  return (await (await fetch(`http://127.0.0.1:${s3Port}/__stats`)).json()) as {
    gets: number;
    bytes: number;
  };
}
