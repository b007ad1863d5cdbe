import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStorage } from 'unstorage';
import memoryDriver from 'unstorage/drivers/memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AudioObjectInfo,
  type AudioStore,
  StaleObjectError,
} from '../../../api/storage/audio-store.ts';
import { createChunkedAudioStore } from '../../../api/storage/chunked-audio-store.ts';
import { createFsAudioStore, type FsAudioStore } from '../../../api/storage/fs-audio-store.ts';
import { patternBytes, readAll } from '../../helpers/bytes.ts';

const SONG = patternBytes(10_000, 7);
const KEY = 'Artist/Album/01 - Song.mp3';
const MTIME = 1_700_000_000_000;

interface Backend {
  name: string;
  create(): Promise<AudioStore>;
  /** Replaces the song's bytes the way that backend changes in real use. */
  change(store: AudioStore, bytes: Uint8Array): Promise<void>;
  /** What the store holds open right now (leases, readers); 0 when everything was released. */
  held(store: AudioStore): number;
}

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Every backend holds the same song, written the way that backend is filled in real use. */
const backends: Backend[] = [
  {
    name: 'fs (ranged file reads)',
    async create() {
      const dir = await mkdtemp(join(tmpdir(), 'tapedeck-fs-'));
      folders.push(dir);
      await mkdir(join(dir, 'Artist', 'Album'), { recursive: true });
      await writeFile(join(dir, ...KEY.split('/')), SONG);
      return Object.assign(createFsAudioStore(dir), { dir });
    },
    async change(store, bytes) {
      const { dir } = store as FsAudioStore & { dir: string };
      await writeFile(join(dir, ...KEY.split('/')), bytes); // in place: same inode
    },
    held: (store) => (store as FsAudioStore).descriptors.stats().leases,
  },
  ...[1000, 4096, 256 * 1024].map((chunkSize) => ({
    name: `chunked over memory (chunks of ${chunkSize} bytes)`,
    async create() {
      const store = createChunkedAudioStore(createStorage({ driver: memoryDriver() }), {
        chunkSize,
      });
      await store.write!(info('v1', SONG.length), [SONG]);
      return store;
    },
    async change(store: AudioStore, bytes: Uint8Array) {
      await store.write!(info('v2', bytes.length), [bytes]);
    },
    held: () => 0, // holds no handles: nothing to release
  })),
];

function info(version: string, size: number): AudioObjectInfo {
  return { key: KEY, size, mtimeMs: MTIME, version };
}

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
  let version: string;
  beforeAll(async () => {
    store = await backend.create();
    version = (await store.stat(KEY))!.version;
  });

  const open = async () => (await store.open(KEY, version))!;

  it('lists the song under its POSIX key, with its size and version', async () => {
    const infos = await store.list();
    expect(infos.map(({ key, size }) => ({ key, size }))).toEqual([
      { key: KEY, size: SONG.length },
    ]);
    expect(infos[0]!.version).toBe(version);
  });

  it('stats a known key and answers null for an unknown one', async () => {
    expect((await store.stat(KEY))?.size).toBe(SONG.length);
    expect(await store.stat('Artist/Album/missing.mp3')).toBeNull();
  });

  it.each(ranges)('reads exactly bytes %i-%i as a web stream', async (start, end) => {
    const object = await open();
    const bytes = await readAll(object.read(start, end));
    object.close();
    expect(bytes.equals(Buffer.from(SONG.subarray(start, end + 1)))).toBe(true);
  });

  it('opens nothing for an unknown key or another version', async () => {
    expect(await store.open('Artist/nope.mp3', version)).toBeNull();
    expect(await store.open(KEY, `${version}-other`)).toBeNull();
    expect(backend.held(store)).toBe(0);
  });

  it('releases what it holds when the reader cancels early, or the signal aborts', async () => {
    for (let i = 0; i < 20; i++) {
      const object = await open();
      const reader = object.read(0, SONG.length - 1).getReader();
      await reader.read();
      await reader.cancel();
      const aborted = new AbortController();
      const stream = object.read(0, SONG.length - 1, aborted.signal);
      aborted.abort(new Error('listener left'));
      await expect(readAll(stream)).rejects.toThrow('listener left');
      object.close();
    }
    expect(backend.held(store)).toBe(0);
  });

  it('never splices a new version into a read of the old one: the read fails instead', async () => {
    const object = await open();
    expect((await readAll(object.read(0, 0)))[0]).toBe(SONG[0]);
    const next = patternBytes(SONG.length, 99);
    await backend.change(store, next);
    await expect(readAll(object.read(1, SONG.length - 1))).rejects.toBeInstanceOf(StaleObjectError);
    object.close();
    expect(await store.open(KEY, version)).toBeNull(); // the old version is gone for good
    const now = (await store.stat(KEY))!;
    const fresh = (await store.open(KEY, now.version))!;
    expect((await readAll(fresh.read(0, next.length - 1))).equals(Buffer.from(next))).toBe(true);
    fresh.close();
    expect(backend.held(store)).toBe(0);
  });
});

describe('chunked store writes', () => {
  it('replaces a song and drops the chunks of the old version', async () => {
    const storage = createStorage({ driver: memoryDriver() });
    const store = createChunkedAudioStore(storage, { chunkSize: 1000 });
    await store.write!(info('v1', SONG.length), [SONG]);
    const shorter = patternBytes(2500, 9);
    await store.write!(info('v2', shorter.length), [shorter]);
    const object = (await store.open(KEY, 'v2'))!;
    expect((await readAll(object.read(0, 2499))).equals(Buffer.from(shorter))).toBe(true);
    expect((await storage.getKeys('chunk')).length).toBe(3);
    await store.remove!(KEY);
    expect(await storage.getKeys()).toEqual([]);
  });

  it('keeps keys apart that unstorage would read alike (a/b and a:b)', async () => {
    const store = createChunkedAudioStore(createStorage({ driver: memoryDriver() }), {
      chunkSize: 1000,
    });
    const other = patternBytes(3000, 5);
    await store.write!({ ...info('v1', SONG.length), key: 'a/b.mp3' }, [SONG]);
    await store.write!({ ...info('v1', other.length), key: 'a:b.mp3' }, [other]);
    expect((await store.list()).map((i) => i.key).sort()).toEqual(['a/b.mp3', 'a:b.mp3']);
    const object = (await store.open('a/b.mp3', 'v1'))!;
    expect((await readAll(object.read(0, SONG.length - 1))).equals(Buffer.from(SONG))).toBe(true);
  });

  it('touches only the chunks a range needs', async () => {
    const storage = createStorage({ driver: memoryDriver() });
    const store = createChunkedAudioStore(storage, { chunkSize: 1000 });
    await store.write!(info('v1', SONG.length), [SONG]);
    const asked: string[] = [];
    const original = storage.getItemRaw.bind(storage);
    storage.getItemRaw = ((key: string) => {
      asked.push(key);
      return original(key);
    }) as typeof storage.getItemRaw;
    const object = (await store.open(KEY, 'v1'))!;
    await readAll(object.read(2500, 3499));
    expect(asked.map((key) => key.split(':').at(-1))).toEqual(['2', '3']);
  });
});
