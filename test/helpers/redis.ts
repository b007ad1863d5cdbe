import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedis } from '../../api/cluster/services.ts';
import { freePort } from './free-port.ts';

export interface TestRedis {
  url: string;
  pid: number;
  close(): Promise<void>;
}

/**
 * A real redis-server (Debian package `redis-server`) on a free loopback port, without persistence.
 * Fails, naming the package, when it is not installed.
 */
export async function startTestRedis(): Promise<TestRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'tapedeck-redis-'));
  const port = await freePort();
  const child = await startRedis(port, dir);
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid,
    async close() {
      await child.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
