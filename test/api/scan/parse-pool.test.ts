import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createCatalog } from '../../../api/catalog/catalog.ts';
import { scanLibrary } from '../../../api/scan/scan-library.ts';
import { songsOf } from '../../helpers/api-server.ts';
import { MP3_FRAME_SECONDS, makeMp3, noiseBytes } from '../../helpers/mp3-fixture.ts';
import { createScanSetup } from '../../helpers/scan-setup.ts';

const NEON = 'data/music/Velvet Meridian/Neon Harbor/01 - Neon Harbor.mp3';
let cleanup: (() => Promise<void>) | undefined;
afterEach(() => cleanup?.());

describe('a large scan parses in worker threads', () => {
  it('gives the same catalog as a scan in the server thread, bad files included', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 240; i++) {
      const artist = `Artist ${i % 7}`;
      const album = `Album ${i % 13}`;
      files[`${artist}/${album}/${i} - Song.mp3`] = makeMp3(
        { title: `Song ${i}`, artist, album, track: String(i % 20), genres: ['Jazz'] },
        10 + (i % 30),
      );
    }
    files['bad/random.mp3'] = noiseBytes(3, 200_000);
    files['bad/truncated.mp3'] = (await readFile(NEON)).subarray(0, 200_000);
    files['untagged/Someone/Somewhere/07 - Named By Folder.mp3'] = makeMp3({}, 12);
    files['vbr/Varying.mp3'] = variableBitrateMp3(50);
    files['adts/In Disguise.mp3'] = adtsFrames(100);
    const setup = await createScanSetup(files);
    cleanup = setup.cleanup;
    const warnings: string[] = [];
    const log = { info() {}, warn: (m: string) => void warnings.push(m) };
    const folder = { root: setup.dir, followSymlinks: false };
    // The workers read every file through stores of their own: this thread opens none.
    const inWorkers = await scanLibrary({
      ...setup,
      target: setup.source,
      log,
      folder,
      workers: 2,
    });
    expect(setup.source.descriptors.stats().opens).toBe(0);
    const inThread = createCatalog(setup.storage);
    const report = await scanLibrary({
      catalog: inThread,
      source: setup.source,
      target: setup.source,
      pictures: setup.pictures,
      log: { info() {}, warn() {} },
    });
    expect(setup.source.descriptors.stats().opens).toBeGreaterThan(240); // and here, all
    expect(inWorkers).toEqual(report);
    expect(inWorkers).toMatchObject({ added: 243, skipped: 2, undecodable: 2 });
    expect(songsOf(setup.catalog)).toEqual(songsOf(inThread));
    expect(warnings.join('\n')).toMatch(/random\.mp3: no MPEG audio frames/);
    expect(warnings.join('\n')).toMatch(/truncated\.mp3: truncated/);
    // No Xing header and frames of two sizes: music-metadata is not asked to walk them (the
    // scan's own frame walk does), and the duration is still every frame's.
    expect(songsOf(setup.catalog, 'Varying')[0]!.duration).toBeCloseTo(50 * MP3_FRAME_SECONDS, 3);
    // AAC frames in a file named .mp3: music-metadata counts those (the MPEG walk does not).
    expect(songsOf(setup.catalog, 'In Disguise')[0]!.duration).toBeCloseTo((100 * 1024) / 44100, 2);
    expect(songsOf(setup.catalog, 'Named By Folder')[0]).toMatchObject({
      artist: 'Someone',
      album: 'Somewhere',
    });
  });
});

/** An MP3 without a Xing header whose frames alternate 32 and 40 kbit/s (VBR, 144 and 180 bytes). */
function variableBitrateMp3(frames: number): Uint8Array {
  const tag = makeMp3({ title: 'Varying' }, 0);
  const sizes = Array.from({ length: frames }, (_, i) => (i % 2 ? 180 : 144));
  const out = new Uint8Array(tag.length + sizes.reduce((a, b) => a + b, 0));
  out.set(tag);
  let at = tag.length;
  for (const size of sizes) {
    out.set([0xff, 0xfb, size === 144 ? 0x18 : 0x28, 0xc0], at);
    at += size;
  }
  return out;
}

/** ADTS (AAC LC, 44.1 kHz, stereo) frames of 200 bytes with silent payloads, no tag. */
function adtsFrames(frames: number): Uint8Array {
  const size = 200;
  const out = new Uint8Array(frames * size);
  for (let i = 0; i < frames; i++) {
    // sync, MPEG-4, no CRC; LC, 44.1 kHz, 2 channels; 13-bit frame length; buffer fullness 0x7ff
    out.set(
      [0xff, 0xf1, 0x50, 0x80 | (size >> 11), (size >> 3) & 0xff, ((size & 7) << 5) | 0x1f, 0xfc],
      i * size,
    );
  }
  return out;
}
