import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFile } from 'music-metadata';
import { createStorage } from 'unstorage';
import memoryDriver from 'unstorage/drivers/memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog } from '../../../api/catalog/catalog.ts';
import { seedBucket } from '../../../api/cluster/seed-bucket.ts';
import { createPictureStore } from '../../../api/covers/picture-store.ts';
import { scanLibrary } from '../../../api/scan/scan-library.ts';
import { createS3AudioStore } from '../../../api/storage/s3/s3-audio-store.ts';
import { startTestS3, type TestS3 } from '../../helpers/s3.ts';

const music = fileURLToPath(new URL('../../../data/music/', import.meta.url));
const quiet = { info() {}, warn() {} };
const picturesOf = () => createPictureStore(createStorage({ driver: memoryDriver() }));

/** The embedded library scanned from a real S3-compatible server, as `STORAGE=s3` does. */
describe('scanning an S3 bucket', () => {
  let s3: TestS3;
  let librarySize = 0;
  beforeAll(async () => {
    s3 = await startTestS3('music/');
    await seedBucket(s3.settings, music);
    librarySize = Number(execFileSync('du', ['-sb', music]).toString().split('\t')[0]);
  });
  afterAll(() => s3?.close());

  const stats = async () =>
    (await (await fetch(`${s3.settings.endpoint}/__stats`)).json()) as {
      gets: number;
      bytes: number;
    };

  it('reads tags and durations with ranged GETs, never whole songs, and takes ETags from the store', async () => {
    const store = createS3AudioStore(s3.settings);
    const catalog = createCatalog(createStorage({ driver: memoryDriver() }));
    const before = await stats();
    const report = await scanLibrary({
      catalog,
      source: store,
      target: store,
      pictures: picturesOf(),
      log: quiet,
    });
    const after = await stats();
    expect(report).toMatchObject({ added: 10, skipped: 0 });
    // Headers, tags and tails only: a small share of the library's bytes.
    expect(after.bytes - before.bytes).toBeLessThan(librarySize / 8);
    const listed = new Map((await store.list()).map((info) => [info.key, info]));
    for (const entry of catalog.entries()) {
      const truth = await parseFile(join(music, entry.key), { duration: true });
      expect(entry.song.duration, entry.key).toBeCloseTo(truth.format.duration!, 2);
      expect(entry.song.etag).toBe(listed.get(entry.key)!.etag);
      expect(entry.version).toBe(listed.get(entry.key)!.etag);
    }
  });

  it('rescans incrementally: an unchanged bucket costs one listing and no GET', async () => {
    const store = createS3AudioStore(s3.settings);
    const catalog = createCatalog(createStorage({ driver: memoryDriver() }));
    await scanLibrary({
      catalog,
      source: store,
      target: store,
      pictures: picturesOf(),
      log: quiet,
    });
    const before = await stats();
    const report = await scanLibrary({
      catalog,
      source: store,
      target: store,
      pictures: picturesOf(),
      log: quiet,
    });
    expect(report).toMatchObject({ added: 0, changed: 0, unchanged: 10 });
    expect((await stats()).gets).toBe(before.gets);
  });
});
