import { fileURLToPath } from 'node:url';
import { type Child, startChild } from './child.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A redis-server of its own on a loopback port: no persistence, nothing shared with the system's. */
export function startRedis(port: number, dir: string): Promise<Child> {
  return startChild(
    'redis-server',
    '/usr/bin/redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { ready: /Ready to accept connections/, debianPackage: 'redis-server' },
  );
}

/** s3rver (api/cluster/s3-server-main.ts) with one bucket, as a process of its own. */
export function startS3(
  port: number,
  directory: string,
  bucket: string,
  options: { events?: boolean } = {},
): Promise<Child> {
  return startChild(
    's3rver',
    process.execPath,
    [
      '--openssl-legacy-provider',
      '--import',
      'tsx',
      'api/cluster/s3-server-main.ts',
      String(port),
      directory,
      bucket,
    ],
    {
      cwd: repoRoot,
      env: { S3_EVENTS: options.events ? '1' : '0' },
      ready: new RegExp(`s3 ready ${port}`),
    },
  );
}

/** A Tapedeck instance (`api/server.ts`, as `npm start` runs it), ready once /api/health answers. */
export function startInstance(port: number, env: Record<string, string>): Promise<Child> {
  return startChild(`instance :${port}`, process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    cwd: repoRoot,
    env: { HOST: '127.0.0.1', PORT: String(port), WATCH: '0', ...env },
    ready: async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok,
    timeoutMs: 60_000,
  });
}
