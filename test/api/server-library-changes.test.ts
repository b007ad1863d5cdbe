import { chmod, chown, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeMp3 } from '../helpers/mp3-fixture.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.ts';

const NOBODY = { uid: 65534, gid: 65534 };
let dir: string;
let server: ServerProcess | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function library(): Promise<{ music: string; cache: string }> {
  dir = await mkdtemp(join(tmpdir(), 'tapedeck-changes-'));
  const music = join(dir, 'music');
  const cache = join(dir, 'cache');
  await mkdir(join(music, 'Band', 'Album'), { recursive: true });
  await mkdir(cache);
  await writeFile(join(music, 'Band', 'Album', '01 - One.mp3'), makeMp3({ title: 'One' }));
  return { music, cache };
}

/** Polls /api/health (signed in) until it reports `songs`; fails with the server's log after `ms`. */
async function waitForSongs(songs: number, ms = 30_000) {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    last = await server!.fetch('/api/health').then((r) => r.json(), String);
    if ((last as { songs?: number }).songs === songs) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `no ${songs} songs within ${ms} ms (last: ${JSON.stringify(last)})\n${server!.output()}`,
  );
}

describe('the library changes under a running, watching server', () => {
  it('survives a symbolic link loop appearing, and keeps watching and serving', async () => {
    const { music, cache } = await library();
    server = await startServerProcess({ MUSIC_DIR: music, CACHE_DIR: cache, WATCH: '1' });
    await waitForSongs(1);
    await mkdir(join(music, 'Loop'));
    await symlink('b.mp3', join(music, 'Loop', 'a.mp3'));
    await symlink('a.mp3', join(music, 'Loop', 'b.mp3'));
    await symlink('..', join(music, 'Loop', 'up')); // a folder loop too
    await writeFile(join(music, 'Band', 'Album', '02 - Two.mp3'), makeMp3({ title: 'Two' }));
    await waitForSongs(2); // the watcher saw the new song: it is alive, and so is the server
    const res = await server.fetch('/api/songs?q=two');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBe(1);
    expect(server.output()).not.toMatch(/Unhandled|uncaught|ELOOP.*\n\s+at /i);
  }, 60_000);

  it('running as an unprivileged user, logs a folder it cannot read once and goes on', async () => {
    const { music, cache } = await library();
    // The server runs as nobody: it may read the library and write its cache, nothing more.
    await chmod(dir, 0o755);
    for (const path of [music, join(music, 'Band'), join(music, 'Band', 'Album')]) {
      await chmod(path, 0o755);
    }
    await chmod(join(music, 'Band', 'Album', '01 - One.mp3'), 0o644);
    await chown(cache, NOBODY.uid, NOBODY.gid);
    server = await startServerProcess(
      { MUSIC_DIR: music, CACHE_DIR: cache, WATCH: '1' },
      { runAs: NOBODY },
    );
    await waitForSongs(1);
    // An album copied in as root, unreadable for the server.
    const locked = join(music, 'Locked');
    await mkdir(locked, { mode: 0o700 });
    await writeFile(join(locked, 'secret.mp3'), makeMp3({ title: 'Secret' }));
    await chmod(locked, 0o700);
    await writeFile(join(music, 'Band', 'Album', '02 - Two.mp3'), makeMp3({ title: 'Two' }), {
      mode: 0o644,
    });
    await waitForSongs(2);
    // Again, to see it is reported once, not at every rescan.
    await writeFile(join(music, 'Band', 'Album', '03 - Three.mp3'), makeMp3({ title: 'Three' }), {
      mode: 0o644,
    });
    await waitForSongs(3);
    const log = server.output();
    expect(log).toMatch(/Locked: EACCES/);
    expect(log.match(/not watching Locked: EACCES/g)).toHaveLength(1);
    expect(
      (await server.fetch('/api/songs?q=secret').then((r) => r.json())) as object,
    ).toMatchObject({
      total: 0,
    });
  }, 60_000);
});
