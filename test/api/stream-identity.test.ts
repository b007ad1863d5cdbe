import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi, type Transport } from '../helpers/api-server.ts';
import { bigWav } from '../helpers/big-wav.ts';
import { requestHead, wireExchange } from '../helpers/raw-http.ts';
import { makeWav } from '../helpers/wav-fixture.ts';

const SONG = Buffer.from(makeWav({ seconds: 2, title: 'Linked', artist: 'Tests', seed: 1 }));
const PASSWD = await readFile('/etc/passwd');

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});
const outside = await mkdtemp(join(tmpdir(), 'tapedeck-outside-'));
afterAll(() => rm(outside, { recursive: true, force: true }));

const only = (a: TestApi) => a.catalog.entries().map((e) => e.song);

describe.each([false, true])('symlinks (FOLLOW_SYMLINKS=%s)', (followSymlinks) => {
  it('never serves /etc/passwd through a song link swapped for it (descriptor opened anew)', async () => {
    api = await startTestApi({ 'store/linked.wav': SONG }, 'fs', 'node', {
      followSymlinks,
      prepare: (dir) => symlink(join(dir, 'store', 'linked.wav'), join(dir, 'song.wav')),
    });
    const viaLink = api.catalog.getByKey('song.wav')!.song;
    // The scan's descriptors close once idle: the request below opens the link afresh, so what
    // guards it is the check at open (where the link leads, and that file's identity).
    await expect.poll(() => api!.descriptors().descriptors, { timeout: 10_000 }).toBe(0);
    const link = join(api.musicDir, 'song.wav');
    await unlink(link);
    await symlink('/etc/passwd', link);

    const res = await api.raw(viaLink.streamUrl);
    expect(res.body.includes(PASSWD.subarray(0, 64))).toBe(false);
    expect(res.status).toBe(404);
    expect(api.staleKeys).toEqual(['song.wav']);
  });

  it('never serves /etc/passwd through a song link swapped for it (descriptor still shared)', async () => {
    api = await startTestApi({ 'store/linked.wav': SONG }, 'fs', 'node', {
      followSymlinks,
      prepare: (dir) => symlink(join(dir, 'store', 'linked.wav'), join(dir, 'song.wav')),
    });
    const songs = only(api);
    expect(songs).toHaveLength(2); // the file and the link to it, inside the library
    const link = join(api.musicDir, 'song.wav');
    const viaLink = api.catalog.getByKey('song.wav')!.song;
    await unlink(link);
    await symlink('/etc/passwd', link);

    // Until the server notices (at once for a descriptor it opens now, within a second for one
    // it already shares), the link's song may still be the scanned bytes under the scanned ETag:
    // honest. Never a byte of what the link leads to now; then 404, once rescanned.
    let res = await api.raw(viaLink.streamUrl);
    const deadline = Date.now() + 10_000;
    while (res.status === 200 && Date.now() < deadline) {
      expect(res.headers.etag).toBe(viaLink.etag);
      expect(res.body.equals(SONG)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
      res = await api.raw(viaLink.streamUrl);
    }
    expect(res.body.includes(PASSWD.subarray(0, 64))).toBe(false);
    expect(res.status).toBe(404); // rescanned: the link is no song any more
    expect(api.staleKeys).toContain('song.wav');
    expect(api.catalog.getByKey('song.wav')).toBeUndefined();
  });

  it(`${followSymlinks ? 'streams' : 'does not list'} a link to a song outside the library`, async () => {
    const target = join(outside, `outside-${followSymlinks}.wav`);
    await writeFile(target, SONG);
    const warnings: string[] = [];
    api = await startTestApi({}, 'fs', 'node', {
      followSymlinks,
      warnings,
      prepare: (dir) => symlink(target, join(dir, 'elsewhere.wav')),
    });
    if (!followSymlinks) {
      expect(only(api)).toEqual([]);
      expect(warnings).toEqual([
        'skipped "elsewhere.wav": symlink to a file outside the library (FOLLOW_SYMLINKS=1 follows it)',
      ]);
      await api.rescan();
      expect(warnings).toHaveLength(1); // logged once, not at every rescan
      return;
    }
    const [song] = only(api);
    const res = await api.raw(song!.streamUrl, { range: 'bytes=10-99' });
    expect(res.status).toBe(206);
    expect(res.body.equals(SONG.subarray(10, 100))).toBe(true);
  });
});

describe.each<Transport>(['node', 'fetch'])('in-place rewrites (%s transport)', (transport) => {
  /** `cp new song` then `touch -r`: same inode, size and mtime; only ctime tells. */
  async function rewriteKeepingTimes(path: string, bytes: Buffer) {
    const before = await stat(path, { bigint: true });
    spawnSync('cp', ['--preserve=timestamps', path, `${path}.times`]);
    await writeFile(path, bytes);
    const touched = spawnSync('touch', ['-r', `${path}.times`, path]);
    if (touched.status !== 0) throw new Error('touch -r failed (Debian package coreutils)');
    await unlink(`${path}.times`);
    const after = await stat(path, { bigint: true });
    expect([after.ino, after.size, after.mtimeNs]).toEqual([
      before.ino,
      before.size,
      before.mtimeNs,
    ]);
    expect(after.ctimeNs).not.toBe(before.ctimeNs);
  }

  it('before a listen: the new bytes under the new ETag, and If-Range with the old one gets them whole', async () => {
    const next = Buffer.from(makeWav({ seconds: 2, title: 'Linked', artist: 'Tests', seed: 9 }));
    expect(next.length).toBe(SONG.length);
    api = await startTestApi({ 'A/song.wav': SONG }, 'fs', transport);
    const old = only(api)[0]!;
    await rewriteKeepingTimes(join(api.musicDir, 'A', 'song.wav'), next);

    const resumed = await api.raw(old.streamUrl, {
      range: 'bytes=100-',
      'if-range': old.etag,
    });
    expect(resumed.status).toBe(200);
    expect(resumed.headers.etag).not.toBe(old.etag);
    expect(resumed.body.equals(next)).toBe(true);
    expect(api.staleKeys).toEqual(['A/song.wav']);
    const plain = await api.raw(old.streamUrl, { range: 'bytes=0-99' });
    expect(plain.status).toBe(206);
    expect(plain.headers.etag).toBe(resumed.headers.etag);
    expect(plain.body.equals(next.subarray(0, 100))).toBe(true);
  });

  it('a short range read before the rewrite (kept warm in memory) is never served after it', async () => {
    const next = Buffer.from(makeWav({ seconds: 2, title: 'Linked', artist: 'Tests', seed: 5 }));
    api = await startTestApi({ 'A/song.wav': SONG }, 'fs', transport);
    const old = only(api)[0]!;
    const warm = await api.raw(old.streamUrl, { range: 'bytes=0-4095' });
    expect(warm.body.equals(SONG.subarray(0, 4096))).toBe(true);
    await rewriteKeepingTimes(join(api.musicDir, 'A', 'song.wav'), next);

    const after = await api.raw(old.streamUrl, { range: 'bytes=0-4095' });
    expect(after.status).toBe(206);
    expect(after.headers.etag).not.toBe(old.etag);
    expect(after.body.equals(next.subarray(0, 4096))).toBe(true);
  });

  it('a revalidation (If-None-Match) or HEAD after the rewrite gets the new validators, not a 304', async () => {
    const next = Buffer.from(makeWav({ seconds: 2, title: 'Linked', artist: 'Tests', seed: 7 }));
    api = await startTestApi({ 'A/song.wav': SONG }, 'fs', transport);
    const old = only(api)[0]!;
    await rewriteKeepingTimes(join(api.musicDir, 'A', 'song.wav'), next);
    const head = await api.raw(old.streamUrl, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.etag).not.toBe(old.etag);
    const revalidated = await api.raw(old.streamUrl, { 'if-none-match': old.etag });
    expect(revalidated.status).toBe(200);
    expect(revalidated.body.equals(next)).toBe(true);
  });

  it('during a listen: the connection is cut, nothing new was spliced in, and a resume gets the new song', async () => {
    const first = bigWav(48 << 20, 1);
    const second = bigWav(48 << 20, 2);
    api = await startTestApi({ 'A/long.wav': first }, 'fs', transport);
    const old = only(api)[0]!;
    const path = join(api.musicDir, 'A', 'long.wav');
    const res = await wireExchange(
      api.port,
      [requestHead(old.streamUrl, { range: 'bytes=0-', cookie: api.cookie })],
      () => rewriteKeepingTimes(path, second),
    );
    expect(res.status).toBe(206);
    expect(res.closed).toBe(true);
    expect(res.rest.length).toBeLessThan(first.length);
    expect(res.rest.equals(first.subarray(0, res.rest.length))).toBe(true);

    // The cut made the server rescan the file, possibly while it was half rewritten (and so
    // skipped it); the folder watcher rescans once the copy settles. This is that rescan.
    await api.rescan();
    const resumed = await api.raw(old.streamUrl, {
      range: `bytes=${res.rest.length}-`,
      'if-range': old.etag,
    });
    expect(resumed.status).toBe(200);
    expect(resumed.headers.etag).not.toBe(old.etag);
    expect(resumed.body.equals(second)).toBe(true);
  }, 60_000);
});

describe.each<Transport>(['node', 'fetch'])(
  'a rescan that does not finish (%s transport)',
  (transport) => {
    it('answers 503 with Retry-After, never the old validators over the new bytes', async () => {
      let finish = () => {};
      const stuck = new Promise<void>((resolve) => {
        finish = resolve;
      });
      api = await startTestApi({ 'A/song.wav': SONG }, 'fs', transport, {
        onStale: () => stuck,
        staleWaitMs: 300,
      });
      const song = only(api)[0]!;
      const next = Buffer.from(makeWav({ seconds: 2, title: 'Linked', artist: 'Tests', seed: 8 }));
      await writeFile(join(api.musicDir, 'A', 'song.wav'), next); // same size, new bytes
      const res = await api.raw(song.streamUrl, { range: 'bytes=0-' });
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(JSON.parse(res.body.toString())).toEqual({ error: expect.any(String) });
      finish();
    });
  },
);

describe('odd names', () => {
  it('indexes and streams names with : \\ newline, spaces and unicode', async () => {
    const names = ['A/with:colon.wav', 'A/back\\slash.wav', 'A/new\nline.wav', 'Ünï cödé/ä b.wav'];
    api = await startTestApi(Object.fromEntries(names.map((n) => [n, SONG])), 'fs', 'node');
    expect(
      api.catalog
        .entries()
        .map((e) => e.key)
        .sort(),
    ).toEqual([...names].sort());
    for (const song of only(api)) {
      const res = await api.raw(song.streamUrl, { range: 'bytes=0-9' });
      expect(res.status).toBe(206);
      expect(res.body.equals(SONG.subarray(0, 10))).toBe(true);
    }
  });
});
