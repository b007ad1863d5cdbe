import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.ts';

const S3 = {
  STORAGE: 's3',
  S3_ENDPOINT: 'http://127.0.0.1:9',
  S3_BUCKET: 'music',
  S3_ACCESS_KEY_ID: 'id',
  S3_SECRET_ACCESS_KEY: 'the-secret-value',
};

function runServer(env: Record<string, string | undefined>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    env: { ...process.env, WATCH: '0', PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('scale-out settings stop the server at start with one line naming the setting', () => {
  it.each([
    [{ ...S3, S3_ENDPOINT: undefined }, 'S3_ENDPOINT'],
    [{ ...S3, S3_ENDPOINT: 'ftp://store:21' }, 'S3_ENDPOINT'],
    [{ ...S3, S3_ENDPOINT: 'http://store?x=1' }, 'S3_ENDPOINT'],
    [{ ...S3, S3_BUCKET: 'Music_Bucket' }, 'S3_BUCKET'],
    [{ ...S3, S3_BUCKET: undefined }, 'S3_BUCKET'],
    [{ ...S3, S3_REGION: 'eu west' }, 'S3_REGION'],
    [{ ...S3, S3_PREFIX: '../other/' }, 'S3_PREFIX'],
    [{ ...S3, S3_PREFIX: '/abs/' }, 'S3_PREFIX'],
    [{ ...S3, S3_ACCESS_KEY_ID: undefined }, 'S3_ACCESS_KEY_ID'],
    [{ ...S3, S3_SECRET_ACCESS_KEY: '' }, 'S3_SECRET_ACCESS_KEY'],
    [{ ...S3, S3_TIMEOUT: '0' }, 'S3_TIMEOUT'],
    [{ REDIS_URL: 'http://127.0.0.1:6379' }, 'REDIS_URL'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ CATALOG_STORE: 'redis' }, 'REDIS_URL'],
    [{ STATE_STORE: 'redis' }, 'STATE_STORE=redis needs REDIS_URL'],
  ])('%o → %s', (env, name) => {
    const result = runServer({ REDIS_URL: undefined, ...env });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
    expect(result.stderr).not.toContain('the-secret-value');
  });

  it('an unreachable Redis is named, without the password in its URL', async () => {
    const result = runServer({ REDIS_URL: `redis://:hunter2@127.0.0.1:${await freePort()}` });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/REDIS_URL: cannot reach Redis/);
    expect(result.stderr).not.toContain('hunter2');
  });
});
