import { execFileSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { albumIdOf, artistIdOf } from '../../../api/catalog/ids.ts';
import { songsOf } from '../../helpers/api-server.ts';
import { makeMp3, mp3Frames, noiseBytes } from '../../helpers/mp3-fixture.ts';
import { createScanSetup } from '../../helpers/scan-setup.ts';

let setup: Awaited<ReturnType<typeof createScanSetup>>;
afterEach(() => setup.cleanup());

const NEON = 'data/music/Velvet Meridian/Neon Harbor/01 - Neon Harbor.mp3';
const FLAC = 'data/music/Okapi Trio/Blue Hour Sessions/03 - Lullaby for Otis.flac';
const M4A = 'data/music/Okapi Trio/Blue Hour Sessions/02 - Rainy Tuesday.m4a';

describe('scanning tags for browsing', () => {
  it('reads album artist, disc, track, year and several genres; compilations go under Various Artists', async () => {
    setup = await createScanSetup({
      'a.mp3': makeMp3({
        title: 'One',
        artist: 'Guest',
        albumArtist: 'Host Band',
        album: 'Live',
        track: '3/9',
        disc: '2/2',
        year: '1999',
        genres: ['Rock', 'Jazz', 'rock'],
      }),
      'b.mp3': makeMp3({ title: 'Two', artist: 'Somebody', album: 'Hits', compilation: true }),
    });
    expect(await setup.scan()).toMatchObject({ added: 2, skipped: 0 });
    const [one, two] = [songsOf(setup.catalog, 'one')[0]!, songsOf(setup.catalog, 'two')[0]!];
    expect(one).toMatchObject({
      artist: 'Guest',
      albumArtist: 'Host Band',
      album: 'Live',
      trackNumber: 3,
      discNumber: 2,
      year: 1999,
      genre: 'Rock',
      genres: ['Rock', 'Jazz'],
      albumId: albumIdOf('Host Band', 'Live'),
      artistId: artistIdOf('Host Band'),
    });
    expect(two).toMatchObject({ artist: 'Somebody', albumArtist: 'Various Artists' });
  });

  it('groups albums by album artist and name: same name, other artist, other album', async () => {
    setup = await createScanSetup({
      'x/1.mp3': makeMp3({ title: 'A1', albumArtist: 'Alpha', album: 'Greatest Hits' }),
      'x/2.mp3': makeMp3({ title: 'A2', albumArtist: 'alpha', album: 'greatest  hits' }),
      'y/1.mp3': makeMp3({ title: 'B1', albumArtist: 'Beta', album: 'Greatest Hits' }),
    });
    await setup.scan();
    const ids = Object.fromEntries(songsOf(setup.catalog).map((s) => [s.title, s.albumId]));
    expect(ids.A1).toBe(ids.A2); // case and spacing do not split an album
    expect(ids.B1).not.toBe(ids.A1);
    expect(setup.catalog.state().index.albums).toHaveLength(2);
  });

  it('keeps ids stable across rescans and derives them from names alone', async () => {
    setup = await createScanSetup({
      'a.mp3': makeMp3({ title: 'T', albumArtist: 'Z', album: 'Q' }),
    });
    await setup.scan();
    const before = songsOf(setup.catalog)[0]!;
    await setup.write('a.mp3', makeMp3({ title: 'T2', albumArtist: 'Z', album: 'Q' }, 30));
    await setup.scan();
    const after = songsOf(setup.catalog)[0]!;
    expect(after.title).toBe('T2');
    expect([after.id, after.albumId, after.artistId]).toEqual([
      before.id,
      before.albumId,
      before.artistId,
    ]);
    expect(after.albumId).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('caps tag text and strips control characters', async () => {
    setup = await createScanSetup({
      'a.mp3': makeMp3({
        title: 'x'.repeat(5 * 1024 * 1024),
        artist: 'Evil\nArtist\u001b[31m\u202e',
        album: '  spaced\tout  ',
        genres: ['g'.repeat(1000)],
      }),
    });
    await setup.scan();
    const song = songsOf(setup.catalog)[0]!;
    expect(song.title.length).toBeLessThanOrEqual(256);
    expect(song.artist).toBe('Evil Artist [31m');
    expect(song.album).toBe('spaced out');
    expect(song.genres[0]!.length).toBeLessThanOrEqual(64);
  });
});

describe('files that cannot be decoded', () => {
  it('skips random bytes named .mp3 and a truncated MP3 with a reason, and counts them', async () => {
    const neon = await readFile(NEON);
    setup = await createScanSetup({
      // music-metadata reads these bytes as an "MPEG 2.5 Layer 1" song of 0.085 s
      'random.mp3': noiseBytes(1, 2_000_000),
      'truncated.mp3': neon.subarray(0, 200_000),
      'only-a-tag.mp3': makeMp3({ title: 'No audio' }, 0),
      'ok.mp3': makeMp3({ title: 'fine' }),
    });
    const report = await setup.scan();
    expect(report).toMatchObject({ added: 1, skipped: 3, undecodable: 3 });
    const log = setup.warnings.join('\n');
    expect(log).toMatch(/random\.mp3: no MPEG audio frames/);
    expect(log).toMatch(/truncated\.mp3: truncated/);
    expect(log).toMatch(/only-a-tag\.mp3: /);
    expect(songsOf(setup.catalog).map((s) => s.title)).toEqual(['fine']);
  });

  it('keeps real short songs: a quarter of a second of MP3, a one-second WAV', async () => {
    setup = await createScanSetup({
      'short.mp3': makeMp3({ title: 'blip' }, 7),
      'frames-only.mp3': mp3Frames(5),
    });
    expect(await setup.scan()).toMatchObject({ added: 2, skipped: 0 });
    const blip = songsOf(setup.catalog, 'blip')[0]!;
    expect(blip.duration).toBeCloseTo(0.252, 2);
  });

  it('skips a FLAC cut short of the length its header declares, and a cut M4A', async () => {
    const flac = await readFile(FLAC);
    const m4a = await readFile(M4A);
    setup = await createScanSetup({
      'whole.flac': flac,
      'nearly whole.flac': flac.subarray(0, Math.floor(flac.length * 0.97)),
      'half.flac': flac.subarray(0, Math.floor(flac.length / 2)),
      'tenth.flac': flac.subarray(0, Math.floor(flac.length / 10)),
      'half.m4a': m4a.subarray(0, Math.floor(m4a.length / 2)),
    });
    const report = await setup.scan();
    expect(report).toMatchObject({ added: 2, skipped: 3 });
    const log = setup.warnings.join('\n');
    expect(log).toMatch(
      /half\.flac: truncated: audio frames for 4\d\.\d s of the 84\.1 s declared/,
    );
    expect(log).toMatch(/tenth\.flac: truncated/);
    expect(log).toMatch(/half\.m4a: /);
    const durations = songsOf(setup.catalog).map((song) => Math.round(song.duration));
    expect(durations).toEqual([84, 84]); // a file cut by a few % keeps its header's length
  });

  it('scans the embedded library fully', async () => {
    setup = await createScanSetup();
    execFileSync('cp', ['-r', 'data/music/.', setup.dir]);
    expect(await setup.scan()).toMatchObject({ added: 10, skipped: 0 });
    expect(setup.catalog.state().index.albums).toHaveLength(3);
  });
});

describe('rescans', () => {
  it('see an in-place rewrite that keeps size and mtime (cp, then touch -r)', async () => {
    setup = await createScanSetup({
      'a.mp3': makeMp3({ title: 'Before', album: 'Same size' }),
      'b.mp3': makeMp3({ title: 'Afterr', album: 'Same size' }),
    });
    await setup.scan();
    const a = join(setup.dir, 'a.mp3');
    const b = join(setup.dir, 'b.mp3');
    const old = await stat(a);
    execFileSync('cp', ['b.mp3', 'reference.keep'], { cwd: setup.dir });
    execFileSync('touch', ['-r', a, join(setup.dir, 'reference.keep')]);
    execFileSync('cp', [b, a]); // same size, new bytes, same inode
    execFileSync('touch', ['-r', join(setup.dir, 'reference.keep'), a]);
    const now = await stat(a);
    expect([now.size, now.mtimeMs, now.ino]).toEqual([old.size, old.mtimeMs, old.ino]);
    const report = await setup.scan();
    expect(report).toMatchObject({ changed: 1, unchanged: 1 });
    expect(
      songsOf(setup.catalog)
        .map((s) => s.title)
        .sort(),
    ).toEqual(['Afterr', 'Afterr']);
  });
});
