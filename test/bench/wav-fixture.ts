import { open } from 'node:fs/promises';

const SAMPLE_RATE = 44_100;
const CHANNELS = 2;
const BYTES_PER_SAMPLE = 2;
const HEADER_BYTES = 44;

/**
 * Writes a valid PCM WAV of exactly `totalBytes` bytes: a quiet 440 Hz sine with a little noise,
 * so music-metadata accepts it and the bytes are not all alike.
 */
export async function writeWavFixture(path: string, totalBytes: number): Promise<void> {
  const frameBytes = CHANNELS * BYTES_PER_SAMPLE;
  const dataBytes = totalBytes - HEADER_BYTES;
  if (dataBytes <= 0 || dataBytes % frameBytes !== 0) {
    throw new Error(`[bench] WAV size ${totalBytes} must be 44 + a multiple of ${frameBytes}`);
  }
  const file = await open(path, 'w');
  try {
    await file.write(formatWavHeader(dataBytes));
    const chunkFrames = 64 * 1024;
    let frame = 0;
    const totalFrames = dataBytes / frameBytes;
    while (frame < totalFrames) {
      const frames = Math.min(chunkFrames, totalFrames - frame);
      await file.write(createPcm(frame, frames));
      frame += frames;
    }
  } finally {
    await file.close();
  }
}

export function formatWavHeader(dataBytes: number): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(CHANNELS, 22);
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * CHANNELS * BYTES_PER_SAMPLE, 28);
  header.writeUInt16LE(CHANNELS * BYTES_PER_SAMPLE, 32);
  header.writeUInt16LE(BYTES_PER_SAMPLE * 8, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

function createPcm(firstFrame: number, frames: number): Buffer {
  const out = Buffer.alloc(frames * CHANNELS * BYTES_PER_SAMPLE);
  for (let i = 0; i < frames; i++) {
    const t = (firstFrame + i) / SAMPLE_RATE;
    const value = Math.round(2000 * Math.sin(2 * Math.PI * 440 * t) + (Math.random() - 0.5) * 200);
    for (let c = 0; c < CHANNELS; c++) {
      out.writeInt16LE(value, (i * CHANNELS + c) * BYTES_PER_SAMPLE);
    }
  }
  return out;
}
