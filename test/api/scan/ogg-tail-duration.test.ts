import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFile } from 'music-metadata';
import { describe, expect, it } from 'vitest';
import { oggTailDuration } from '../../../api/scan/ogg-tail-duration.ts';
import { createRangeTokenizer } from '../../../api/storage/range-tokenizer.ts';

const music = fileURLToPath(new URL('../../../data/music/', import.meta.url));
const opus = [
  'The Lantern Keepers/Kettle and Coal/01 - Kettle and Coal.opus',
  'The Lantern Keepers/Kettle and Coal/02 - Wild Thyme Road.opus',
  'The Lantern Keepers/Kettle and Coal/03 - The Long Field.opus',
];

describe('Ogg duration from the last page', () => {
  it.each(opus)(
    '%s: same duration as a full read, reading only the head and the tail',
    async (name) => {
      const path = join(music, name);
      const full = await parseFile(path, { duration: true });
      const file = await open(path);
      const size = (await file.stat()).size;
      let fetched = 0;
      const tokenizer = createRangeTokenizer(
        async (start, end) => {
          fetched += end - start + 1;
          const bytes = Buffer.alloc(end - start + 1);
          await file.read(bytes, 0, bytes.length, start);
          return bytes;
        },
        { size, mimeType: 'audio/ogg' },
      );
      try {
        const duration = await oggTailDuration(
          tokenizer,
          full.format.codec,
          full.format.sampleRate,
        );
        expect(duration).toBeCloseTo(full.format.duration!, 6);
        // The head block, and the tail's 64 KiB spread over at most two blocks.
        expect(fetched).toBeLessThanOrEqual(3 * 64 * 1024);
        expect(fetched).toBeLessThan(size / 8);
      } finally {
        await file.close();
      }
    },
  );

  it('answers null when the tail holds no Ogg page', async () => {
    const bytes = new Uint8Array(100_000).fill(7);
    const tokenizer = createRangeTokenizer(async (s, e) => bytes.subarray(s, e + 1), {
      size: bytes.length,
    });
    expect(await oggTailDuration(tokenizer, 'Opus', 48_000)).toBeNull();
  });
});
