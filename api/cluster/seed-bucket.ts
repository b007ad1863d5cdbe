import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { createS3Client } from '../storage/s3/s3-client.ts';
import type { S3Settings } from '../storage/s3/s3-settings.ts';

/** Uploads every file under `dir` to the bucket, keyed by its relative path under the prefix. */
export async function seedBucket(settings: S3Settings, dir: string): Promise<number> {
  const client = createS3Client(settings);
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) =>
    entry.isFile(),
  );
  for (const file of files) {
    const path = join(file.parentPath, file.name);
    const key = relative(dir, path).split(sep).join('/');
    await client.put(settings.prefix + key, new Uint8Array(await readFile(path)));
  }
  return files.length;
}
