import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createFsAudioStore } from '../../../api/storage/fs-audio-store.ts';

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

async function library(files: string[]): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'tapedeck-list-'));
  for (const file of files) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), 'x');
  }
  return dir;
}

function list(root: string) {
  const warnings: string[] = [];
  const store = createFsAudioStore(root, { log: { warn: (m) => warnings.push(m) } });
  return store.list().then((infos) => ({ keys: infos.map((i) => i.key), warnings }));
}

describe('fs store listing', () => {
  it('keys are relative POSIX paths, for every name the file system allows', async () => {
    const names = ['a:b/c:d.mp3', 'back\\slash.mp3', 'new\nline.mp3', ' spaced .mp3', 'ü/日本.mp3'];
    const root = await library(names);
    expect((await list(root)).keys).toEqual([...names].sort());
  });

  it('skips a file whose name is not valid UTF-8, saying so, and lists the rest', async () => {
    const root = await library(['ok.mp3']);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      Buffer.concat([Buffer.from(`${root}/bad-`), Buffer.from([0xff]), Buffer.from('.mp3')]),
      'x',
    );
    const { keys, warnings } = await list(root);
    expect(keys).toEqual(['ok.mp3']);
    expect(warnings).toEqual(['skipped "bad-\uFFFD.mp3": file name is not valid UTF-8']);
  });

  it('skips a symlink loop between files, once, with its cause, and lists the rest', async () => {
    const root = await library(['ok.mp3']);
    await symlink('b.mp3', join(root, 'a.mp3'));
    await symlink('a.mp3', join(root, 'b.mp3'));
    const { keys, warnings } = await list(root);
    expect(keys).toEqual(['ok.mp3']);
    expect(warnings.sort()).toEqual([
      'skipped "a.mp3": symlink loop (ELOOP)',
      'skipped "b.mp3": symlink loop (ELOOP)',
    ]);
  });

  it('skips a folder link back to its parent (a loop readdir would follow forever)', async () => {
    const root = await library(['A/one.mp3']);
    await symlink('..', join(root, 'A', 'up'));
    const { keys, warnings } = await list(root);
    expect(keys).toEqual(['A/one.mp3']);
    expect(warnings).toEqual(['skipped "A/up": symlink loop (links to a folder above it)']);
  });

  it('skips an unreadable folder (EACCES, as an unprivileged user) and lists the rest', async () => {
    const root = await library(['open/one.mp3', 'closed/two.mp3']);
    await chmod(root, 0o755);
    await chmod(join(root, 'closed'), 0o700); // root's: nobody may read it
    const script = fileURLToPath(new URL('./list-as-user.ts', import.meta.url));
    const result = spawnSync(
      'setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        '--import',
        'tsx',
        script,
        root,
      ],
      {
        encoding: 'utf8',
        timeout: 30_000,
        cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      },
    );
    if (result.error)
      throw new Error(`setpriv failed (Debian package util-linux): ${result.error.message}`);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      keys: ['open/one.mp3'],
      warnings: ['skipped "closed": cannot read folder (permission denied (EACCES))'],
    });
  });
});
