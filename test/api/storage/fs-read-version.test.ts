import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AudioObjectInfo } from '../../../api/storage/audio-store.ts';
import { createFsAudioStore } from '../../../api/storage/fs-audio-store.ts';
import { readVersionSync } from '../../../api/storage/fs-read-version.ts';

let dir: string;
let root: string;
let outside: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapedeck-read-version-'));
  root = join(dir, 'music');
  outside = join(dir, 'outside');
  await mkdir(join(root, 'Artist/Album'), { recursive: true });
  await mkdir(outside);
  await writeFile(join(root, 'Artist/Album/song.mp3'), 'the listed bytes');
  await writeFile(join(outside, 'song.mp3'), 'the secret bytes');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function listed(key: string): Promise<AudioObjectInfo> {
  const infos = await createFsAudioStore(root).list();
  const info = infos.find((i) => i.key === key);
  if (!info) throw new Error(`${key} not listed`);
  return info;
}

const text = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes).toString() : null);

describe('a scan reads the listed version of a file, and nothing else', () => {
  it('reads the whole file when it is the version listed', async () => {
    const info = await listed('Artist/Album/song.mp3');
    expect(text(readVersionSync(root, info.key, info.version))).toBe('the listed bytes');
  });

  it('refuses a file rewritten, replaced or removed since the listing', async () => {
    const info = await listed('Artist/Album/song.mp3');
    const path = join(root, info.key);
    await writeFile(path, 'the listed bytez'); // same size, new ctime
    expect(readVersionSync(root, info.key, info.version)).toBeNull();
    const again = await listed(info.key);
    await writeFile(`${path}.new`, 'another file');
    await rename(`${path}.new`, path);
    expect(readVersionSync(root, again.key, again.version)).toBeNull();
    await rm(path);
    expect(readVersionSync(root, again.key, again.version)).toBeNull();
  });

  it('refuses a folder on the path swapped for a link to outside the library', async () => {
    const info = await listed('Artist/Album/song.mp3');
    await rm(join(root, 'Artist/Album'), { recursive: true });
    await symlink(outside, join(root, 'Artist/Album'));
    expect(readVersionSync(root, info.key, info.version)).toBeNull();
  });

  it('reads a link inside the library that the listing followed', async () => {
    await symlink('Album/song.mp3', join(root, 'Artist/linked.mp3'));
    const info = await listed('Artist/linked.mp3');
    expect(text(readVersionSync(root, info.key, info.version))).toBe('the listed bytes');
  });

  it('does not wait on a FIFO put where the file was', async () => {
    const info = await listed('Artist/Album/song.mp3');
    await rm(join(root, info.key));
    execFileSync('mkfifo', [join(root, info.key)]); // coreutils
    expect(readVersionSync(root, info.key, info.version)).toBeNull();
  });

  it('refuses keys no listing produces', () => {
    for (const key of ['../outside/song.mp3', 'Artist//song.mp3', 'a/./b.mp3', 'a\0b.mp3']) {
      expect(readVersionSync(root, key, '1-2-3-4-5')).toBeNull();
    }
  });
});
