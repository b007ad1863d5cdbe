import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createStorage } from 'unstorage';
import memoryDriver from 'unstorage/drivers/memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AudioStore } from '../../../api/storage/audio-store.ts';
import { createChunkedAudioStore } from '../../../api/storage/chunked-audio-store.ts';
import { createFsAudioStore } from '../../../api/storage/fs-audio-store.ts';
import { createS3AudioStore } from '../../../api/storage/s3/s3-audio-store.ts';
import { openFileCount, patternBytes, readAll } from '../../helpers/bytes.ts';
import { startTestS3 } from '../../helpers/s3.ts';

const SONG = patternBytes(10_000, 7);
const KEY_OF_ALL = 'Artist:Album:01 - Song.mp3';
const KEY = KEY_OF_ALL;
const MTIME = 1_700_000_000_000;

interface Backend {
  name: string;
  create(): Promise<AudioStore>;
  /** The song's key as this backend lists it. */
  key?: string;
}

/** Every backend holds the same song, written the way that backend is filled in real use. */
const backends: Backend[] = [
  {
    name: 'fs (ranged file reads)',
    async create() {
      const dir = await mkdtemp(join(tmpdir(), 'tapedeck-fs-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      await mkdir(join(dir, 'Artist', 'Album'), { recursive: true });
      await writeFile(join(dir, 'Artist', 'Album', '01 - Song.mp3'), SONG);
      return createFsAudioStore(dir);
    },
  },
  ...[1000, 4096, 256 * 1024].map((chunkSize) => ({
    name: `chunked over memory (chunks of ${chunkSize} bytes)`,
    async create() {
      const store = createChunkedAudioStore(createStorage({ driver: memoryDriver() }), {
        chunkSize,
      });
      await store.write!(
        { key: KEY, size: SONG.length, mtimeMs: MTIME, version: 'v1' },
        Readable.from([SONG]),
      );
      return store;
    },
  })),
  {
    name: 's3 (signed ranged GETs against s3rver)',
    key: 'Artist/Album/01 - Song.mp3',
    async create() {
      const s3 = await startTestS3('library/');
      cleanups.push(() => s3.close());
      await s3.put('Artist/Album/01 - Song.mp3', new Uint8Array(SONG));
      // Outside the prefix, and a folder marker: neither is part of the library.
      await s3.put('../elsewhere.mp3', new Uint8Array(SONG));
      await s3.put('Artist/', new Uint8Array(0));
      return createS3AudioStore(s3.settings);
    },
  },
];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
});

const ranges: [number, number][] = [
  [0, 0],
  [0, 1],
  [0, SONG.length - 1],
  [999, 1000],
  [1000, 1999],
  [4095, 4097],
  [2500, 7499],
  [SONG.length - 1, SONG.length - 1],
  [SONG.length - 128, SONG.length - 1],
];

describe.each(backends)('audio store contract: $name', (backend) => {
  let store: AudioStore;
  const KEY = backend.key ?? KEY_OF_ALL;
  beforeAll(async () => {
    store = await backend.create();
  });

  it('lists the song with its size', async () => {
    const infos = await store.list();
    expect(infos.map(({ key, size }) => ({ key, size }))).toEqual([
      { key: KEY, size: SONG.length },
    ]);
  });

  it('stats a known key and answers null for an unknown one', async () => {
    expect((await store.stat(KEY))?.size).toBe(SONG.length);
    expect(await store.stat('Artist:Album:missing.mp3')).toBeNull();
  });

  it.each(ranges)('reads exactly bytes %i-%i', async (start, end) => {
    const bytes = await readAll(store.read(KEY, start, end));
    expect(bytes.equals(Buffer.from(SONG.subarray(start, end + 1)))).toBe(true);
  });

  it('fails the stream (does not hang) for an unknown key', async () => {
    await expect(readAll(store.read('Artist:nope.mp3', 0, 10))).rejects.toThrow();
  });

  it('releases what it opened when the reader stops early', async () => {
    const before = await openFileCount();
    for (let i = 0; i < 20; i++) {
      const stream = store.read(KEY, 0, SONG.length - 1);
      await new Promise((resolve) => stream.once('readable', resolve));
      stream.destroy();
      await new Promise((resolve) => stream.once('close', resolve));
    }
    expect(await openFileCount()).toBeLessThanOrEqual(before);
  });
});

describe('chunked store writes', () => {
  it('replaces a song and drops the chunks the new version no longer has', async () => {
    const storage = createStorage({ driver: memoryDriver() });
    const store = createChunkedAudioStore(storage, { chunkSize: 1000 });
    await store.write!(
      { key: KEY, size: SONG.length, mtimeMs: MTIME, version: 'v1' },
      Readable.from([SONG]),
    );
    const shorter = patternBytes(2500, 9);
    await store.write!(
      { key: KEY, size: shorter.length, mtimeMs: MTIME + 1, version: 'v2' },
      Readable.from([shorter]),
    );
    expect((await readAll(store.read(KEY, 0, 2499))).equals(Buffer.from(shorter))).toBe(true);
    expect((await storage.getKeys('chunk')).length).toBe(3);
    await store.remove!(KEY);
    expect(await storage.getKeys()).toEqual([]);
  });

  it('touches only the chunks a range needs', async () => {
    const storage = createStorage({ driver: memoryDriver() });
    const store = createChunkedAudioStore(storage, { chunkSize: 1000 });
    await store.write!(
      { key: KEY, size: SONG.length, mtimeMs: MTIME, version: 'v1' },
      Readable.from([SONG]),
    );
    const asked: string[] = [];
    const original = storage.getItemRaw.bind(storage);
    storage.getItemRaw = ((key: string) => {
      asked.push(key);
      return original(key);
    }) as typeof storage.getItemRaw;
    await readAll(store.read(KEY, 2500, 3499));
    expect(asked).toEqual([`chunk:${KEY}:2`, `chunk:${KEY}:3`]);
  });
});
