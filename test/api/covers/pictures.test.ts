import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { sniffImageType } from '../../../api/covers/sniff-image.ts';
import { songsOf } from '../../helpers/api-server.ts';
import { makeMp3, noiseBytes } from '../../helpers/mp3-fixture.ts';
import { createScanSetup } from '../../helpers/scan-setup.ts';

const text = (s: string) => new TextEncoder().encode(s);
const jpeg = (size: number, colour = '#c33') =>
  sharp({ create: { width: size, height: size, channels: 3, background: colour } })
    .jpeg()
    .toBuffer()
    .then((b) => new Uint8Array(b));

describe('sniffImageType', () => {
  it.each([
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0], 'image/jpeg'],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'],
    ['GIF', [...text('GIF89a')], 'image/gif'],
    ['WebP', [...text('RIFF'), 0, 0, 0, 0, ...text('WEBPVP8 ')], 'image/webp'],
    ['AVIF', [0, 0, 0, 0x1c, ...text('ftypavif')], 'image/avif'],
    ['SVG', [...text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script>')], null],
    ['HTML', [...text('<!doctype html><script>alert(1)</script>')], null],
    ['junk', [1, 2, 3], null],
    ['nothing', [], null],
  ])('%s → %s', (_name, bytes, type) => {
    expect(sniffImageType(new Uint8Array(bytes))).toBe(type);
  });
});

describe('embedded pictures at scan time', () => {
  let setup: Awaited<ReturnType<typeof createScanSetup>>;
  afterEach(() => setup.cleanup());

  it('stores one copy per distinct picture: an album shares it', async () => {
    const cover = await jpeg(64);
    const picture = { mime: 'image/jpeg', bytes: cover };
    setup = await createScanSetup({
      '1.mp3': makeMp3({ title: 'a', album: 'X', picture }),
      '2.mp3': makeMp3({ title: 'b', album: 'X', picture }),
      '3.mp3': makeMp3({ title: 'c', album: 'X', picture }),
    });
    await setup.scan();
    expect(await setup.storage.getKeys('pictures')).toHaveLength(1);
    const songs = songsOf(setup.catalog);
    expect(new Set(songs.map((s) => s.coverUrl!.split('?v=')[1])).size).toBe(1);
    const stored = await setup.pictures.get([...setup.catalog.pictureIds()][0]!);
    expect(stored).toEqual(cover); // small pictures are kept as they are
  });

  it('keeps no SVG, HTML or junk picture, whatever MIME type the tag claims', async () => {
    setup = await createScanSetup({
      'svg.mp3': makeMp3({
        title: 'svg',
        picture: {
          mime: 'image/svg+xml',
          bytes: text('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        },
      }),
      'html.mp3': makeMp3({
        title: 'html',
        picture: { mime: 'image/jpeg', bytes: text('<html><script>alert(1)</script></html>') },
      }),
      'junk.mp3': makeMp3({
        title: 'junk',
        picture: { mime: 'image/png', bytes: noiseBytes(3, 5000) },
      }),
    });
    expect(await setup.scan()).toMatchObject({ added: 3, skipped: 0 });
    expect(setup.catalog.pictureIds().size).toBe(0);
    expect(await setup.storage.getKeys('pictures')).toHaveLength(0);
  });

  it('downscales a large picture once and keeps only the small copy', async () => {
    const large = new Uint8Array(
      await sharp(noiseBytes(5, 1600 * 1600 * 3), {
        raw: { width: 1600, height: 1600, channels: 3 },
      })
        .jpeg({ quality: 95 })
        .toBuffer(),
    );
    expect(large.length).toBeGreaterThan(1024 * 1024);
    setup = await createScanSetup({
      'big.mp3': makeMp3({ title: 'big', picture: { mime: 'image/jpeg', bytes: large } }),
    });
    await setup.scan();
    const stored = (await setup.pictures.get([...setup.catalog.pictureIds()][0]!))!;
    expect(stored.length).toBeLessThan(large.length / 2);
    const { width, height, format } = await sharp(stored).metadata();
    expect([width, height, format]).toEqual([1024, 1024, 'webp']);
  });

  it('drops pictures no song uses any more', async () => {
    setup = await createScanSetup({
      '1.mp3': makeMp3({ title: 'a', picture: { mime: 'image/jpeg', bytes: await jpeg(32) } }),
    });
    await setup.scan();
    expect(await setup.storage.getKeys('pictures')).toHaveLength(1);
    await setup.write(
      '1.mp3',
      makeMp3({ title: 'a', picture: { mime: 'image/jpeg', bytes: await jpeg(32, '#3c3') } }, 30),
    );
    await setup.scan();
    expect(await setup.storage.getKeys('pictures')).toHaveLength(1);
    expect([...setup.catalog.pictureIds()]).toEqual([
      (await setup.storage.getKeys('pictures'))[0]!.split(':')[1],
    ]);
  });
});
