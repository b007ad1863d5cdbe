import { appendFile, mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStorage } from 'unstorage';
import memoryDriver from 'unstorage/drivers/memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCatalog } from '../../../api/catalog/catalog.ts';
import { createPictureStore } from '../../../api/covers/picture-store.ts';
import { scanLibrary } from '../../../api/scan/scan-library.ts';
import { createChunkedAudioStore } from '../../../api/storage/chunked-audio-store.ts';
import { createFsAudioStore } from '../../../api/storage/fs-audio-store.ts';
import { songsOf } from '../../helpers/api-server.ts';
import { makeWav } from '../../helpers/wav-fixture.ts';

let dir: string;
const warnings: string[] = [];
const log = { info() {}, warn: (message: string) => warnings.push(message) };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapedeck-scan-'));
  warnings.length = 0;
  await mkdir(join(dir, 'Night Owls', 'Lanterns'), { recursive: true });
  await writeFile(
    join(dir, 'Night Owls', 'Lanterns', '01 - Lantern.wav'),
    makeWav({
      seconds: 2,
      title: 'Lantern Song',
      artist: 'Night Owls',
      album: 'Lanterns',
      seed: 1,
    }),
  );
  await writeFile(
    join(dir, 'Night Owls', 'Lanterns', '02 - Untitled.wav'),
    makeWav({ seconds: 1, seed: 2 }),
  );
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function setup() {
  const storage = createStorage({ driver: memoryDriver() });
  const catalog = createCatalog(storage);
  const source = createFsAudioStore(dir);
  return { catalog, source, target: source, pictures: createPictureStore(storage), log };
}

describe('scanLibrary', () => {
  it('reads tags and duration, and falls back to file and folder names for missing tags', async () => {
    const options = setup();
    const report = await scanLibrary(options);
    expect(report).toMatchObject({ added: 2, skipped: 0 });
    const [first, second] = songsOf(options.catalog);
    expect(first).toMatchObject({ title: 'Lantern Song', artist: 'Night Owls', album: 'Lanterns' });
    expect(first!.duration).toBeCloseTo(2, 1);
    expect(first!.mimeType).toBe('audio/wav');
    expect(first!.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(second).toMatchObject({
      title: '02 - Untitled',
      artist: 'Night Owls',
      album: 'Lanterns',
      trackNumber: 2,
    });
  });

  it('never exposes the file name or path in a song', async () => {
    const options = setup();
    await scanLibrary(options);
    const json = JSON.stringify(songsOf(options.catalog));
    expect(json).not.toContain('.wav');
    expect(json).not.toContain(dir);
    expect(json).not.toContain('Lanterns/');
  });

  it('rescans incrementally: unchanged files are not read again', async () => {
    const options = setup();
    await scanLibrary(options);
    const reads: string[] = [];
    const open = options.source.open.bind(options.source);
    options.source.open = (key, version) => {
      reads.push(key);
      return open(key, version);
    };
    const report = await scanLibrary(options);
    expect(report).toMatchObject({ added: 0, changed: 0, unchanged: 2 });
    expect(reads).toEqual([]);
  });

  it('gives a changed file a new ETag, and keeps its id', async () => {
    const options = setup();
    await scanLibrary(options);
    const before = songsOf(options.catalog, 'lantern song')[0]!;
    expect(before.title).toBe('Lantern Song');
    const file = join(dir, 'Night Owls', 'Lanterns', '01 - Lantern.wav');
    await writeFile(
      file,
      makeWav({
        seconds: 2,
        title: 'Lantern Song',
        artist: 'Night Owls',
        album: 'Lanterns',
        seed: 5,
      }),
    );
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    const report = await scanLibrary(options);
    const after = options.catalog.get(before.id)!.song;
    expect(report.changed).toBe(1);
    expect(after.etag).not.toBe(before.etag);
  });

  it('skips and reports a broken file, and still indexes the rest', async () => {
    await writeFile(join(dir, 'Night Owls', 'broken.mp3'), 'this is not audio at all');
    await writeFile(join(dir, 'Night Owls', 'notes.txt'), 'liner notes');
    const options = setup();
    const report = await scanLibrary(options);
    expect(report).toMatchObject({ added: 2, skipped: 1 });
    expect(warnings.join('\n')).toContain('broken.mp3');
  });

  it('drops songs whose files are gone', async () => {
    const options = setup();
    await scanLibrary(options);
    await rm(join(dir, 'Night Owls', 'Lanterns', '02 - Untitled.wav'));
    const report = await scanLibrary(options);
    expect(report.removed).toBe(1);
    expect(options.catalog.size()).toBe(1);
  });

  it('copies files into a chunked store and drops them when the file goes', async () => {
    const options = setup();
    const target = createChunkedAudioStore(createStorage({ driver: memoryDriver() }), {
      chunkSize: 4096,
    });
    await scanLibrary({ ...options, target });
    expect((await target.list()).length).toBe(2);
    await appendFile(join(dir, 'Night Owls', 'Lanterns', '02 - Untitled.wav'), '');
    await rm(join(dir, 'Night Owls', 'Lanterns', '01 - Lantern.wav'));
    await scanLibrary({ ...options, target });
    expect((await target.list()).length).toBe(1);
  });

  it('finds songs case- and accent-insensitively over title, artist and album', async () => {
    const options = setup();
    await scanLibrary(options);
    const search = (q: string) => songsOf(options.catalog, q).length;
    expect(search('LÄNTERN SÖNG')).toBe(1);
    expect(search('night owls')).toBe(2);
    expect(search('owls untitled')).toBe(1);
    expect(search('zebra')).toBe(0);
  });
});
