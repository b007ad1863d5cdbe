import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMpegFrameWalker, parseFrameHeader } from '../../../api/scan/mpeg-frames.ts';
import { MP3_FRAME_BYTES, makeMp3, noiseBytes } from '../../helpers/mp3-fixture.ts';

const count = (chunks: Uint8Array[]) => {
  const walker = createMpegFrameWalker();
  for (const chunk of chunks) walker.push(chunk);
  return walker.result();
};

const cut = (bytes: Uint8Array, sizes: number[]) => {
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= bytes.length) break;
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  if (at < bytes.length) chunks.push(bytes.subarray(at));
  return chunks;
};

describe('the MPEG frame walker', () => {
  it('counts every frame behind an ID3v2 tag, whatever the chunks', () => {
    const file = makeMp3({ title: 'x'.repeat(3000) }, 50);
    expect(count([file])).toMatchObject({ frames: 50, bytes: 50 * MP3_FRAME_BYTES });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 700 }), { maxLength: 40 }), (sizes) => {
        expect(count(cut(file, sizes)).frames).toBe(50);
      }),
    );
  });

  it('finds no frames in noise, and stops at the end of the audio', () => {
    for (const seed of [1, 2, 3, 4, 5]) expect(count([noiseBytes(seed, 300_000)]).frames).toBe(0);
    const file = makeMp3({}, 20);
    const withJunk = new Uint8Array([...file, ...noiseBytes(9, 5000)]);
    expect(count([withJunk]).frames).toBe(20);
  });

  it('parses frame headers per ISO 11172-3 and refuses reserved values', () => {
    expect(parseFrameHeader(new Uint8Array([0xff, 0xfb, 0x90, 0x64]), 0)).toMatchObject({
      length: 417, // 128 kbit/s, 44.1 kHz, no padding
      sampleRate: 44100,
      samples: 1152,
    });
    expect(parseFrameHeader(new Uint8Array([0xff, 0xfb, 0xf0, 0x64]), 0)).toBeNull(); // bitrate 15
    expect(parseFrameHeader(new Uint8Array([0xff, 0xfb, 0x9c, 0x64]), 0)).toBeNull(); // rate 3
    expect(parseFrameHeader(new Uint8Array([0xff, 0xe9, 0x90, 0x64]), 0)).toBeNull(); // layer 0
  });
});
