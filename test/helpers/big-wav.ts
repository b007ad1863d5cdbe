import { patternBytes } from './bytes.ts';

/**
 * A valid WAV (mono, 8 kHz, 16-bit PCM, no tags) of about `dataBytes` of sample data, made fast: a
 * 1 MiB pseudo-random block (by `seed`) repeated. Big enough that a listener who stops reading
 * leaves the server far from the end (loopback socket buffers hold a few MiB), and two seeds differ
 * at every offset, so a spliced body shows.
 */
export function bigWav(dataBytes: number, seed: number): Buffer {
  const size = dataBytes - (dataBytes % 2);
  const out = Buffer.allocUnsafe(44 + size);
  out.write('RIFF', 0, 'latin1');
  out.writeUInt32LE(36 + size, 4);
  out.write('WAVEfmt ', 8, 'latin1');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(8000, 24);
  out.writeUInt32LE(16000, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'latin1');
  out.writeUInt32LE(size, 40);
  const block = patternBytes(1 << 20, seed);
  for (let at = 44; at < out.length; at += block.length) {
    out.set(block.subarray(0, Math.min(block.length, out.length - at)), at);
  }
  return out;
}
