/**
 * Counts the MPEG audio frames (MP3, MP2) of a file as its bytes stream past, so the scan can tell
 * a real song from random bytes named `.mp3` (no chain of frames) and a truncated file from a
 * complete one (fewer frames than its Xing/Info header declares). music-metadata resynchronises
 * on any 0xFFE pattern and reports what it finds, which turns noise into "songs" of odd lengths.
 * This walker, like a decoder, locks on only where several frames follow one another exactly.
 */
export interface MpegFrameCount {
  frames: number;
  seconds: number;
  /** Bytes covered by the counted frames. */
  bytes: number;
}

/** Frames that must follow each other exactly before the walker believes it found audio. */
const CHAIN = 4;
/** How far past the ID3v2 tag the first frame is looked for. */
const SEARCH_WINDOW = 256 * 1024;

interface FrameHeader {
  /** version, layer and sample rate bits: constant within a stream */
  kind: number;
  length: number;
  samples: number;
  sampleRate: number;
}

export function createMpegFrameWalker() {
  let buffer = new Uint8Array(0);
  let bufferStart = 0; // absolute offset of buffer[0]
  let position = -1; // next frame header (absolute), or -1 while the ID3v2 tag is unknown
  let searchFrom = 0;
  let locked: number | null = null; // kind of the stream once a chain is found
  let stopped = false;
  const count: MpegFrameCount = { frames: 0, seconds: 0, bytes: 0 };

  function step() {
    if (position < 0) {
      if (buffer.length < 10) return;
      position = id3v2Length(buffer);
      searchFrom = position;
    }
    if (locked === null) search();
    if (locked !== null) walk();
    // Keep only what is still needed: from the next header (walk) or the search point on.
    const drop = Math.min(
      buffer.length,
      Math.max(0, (locked === null ? searchFrom : position) - bufferStart),
    );
    buffer = buffer.subarray(drop);
    bufferStart += drop;
  }

  function search() {
    while (locked === null && !stopped) {
      const relative = buffer.indexOf(0xff, Math.max(0, searchFrom - bufferStart));
      if (relative === -1) {
        searchFrom = bufferStart + buffer.length;
        break;
      }
      const at = bufferStart + relative;
      if (at - position > SEARCH_WINDOW) {
        stopped = true;
        break;
      }
      const chain = chainAt(relative);
      if (chain === 'more') {
        searchFrom = at;
        break;
      }
      if (chain) {
        locked = chain;
        position = at;
      } else searchFrom = at + 1;
    }
  }

  /** The stream's kind if CHAIN frames follow from `relative`; 'more' when bytes are missing. */
  function chainAt(relative: number): number | null | 'more' {
    let at = relative;
    let kind: number | null = null;
    for (let i = 0; i < CHAIN; i++) {
      if (at + 4 > buffer.length) return 'more';
      const header = parseFrameHeader(buffer, at);
      if (!header || (kind !== null && header.kind !== kind)) return null;
      kind = header.kind;
      at += header.length;
    }
    return kind;
  }

  function walk() {
    while (!stopped) {
      const relative = position - bufferStart;
      if (relative + 4 > buffer.length) return;
      const header = parseFrameHeader(buffer, relative);
      if (!header || header.kind !== locked) {
        stopped = true; // a tag at the end (ID3v1, APE) or junk: the audio is over
        return;
      }
      count.frames++;
      count.seconds += header.samples / header.sampleRate;
      count.bytes += header.length;
      position += header.length;
    }
  }

  return {
    push(chunk: Uint8Array) {
      if (stopped) return;
      const joined = new Uint8Array(buffer.length + chunk.length);
      joined.set(buffer, 0);
      joined.set(chunk, buffer.length);
      buffer = joined;
      step();
    },
    /** What was counted so far: call it once the whole file went through `push`. */
    result(): MpegFrameCount {
      return { ...count };
    },
  };
}

/** Bytes taken by an ID3v2 tag at the start of the file (0 when there is none). */
function id3v2Length(bytes: Uint8Array): number {
  if (bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0; // "ID3"
  const size = ((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7);
  const footer = bytes[5]! & 0x10 ? 10 : 0;
  return 10 + size + (bytes[9]! & 0x7f) + footer;
}

const BITRATES = {
  v1l1: [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  v1l2: [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  v1l3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2l1: [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  v2l23: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES: Record<number, number[]> = {
  3: [44100, 48000, 32000], // MPEG-1
  2: [22050, 24000, 16000], // MPEG-2
  0: [11025, 12000, 8000], // MPEG-2.5
};

/** The MPEG audio frame header at `at`, or null when those 4 bytes are not one (ISO 11172-3). */
export function parseFrameHeader(bytes: Uint8Array, at: number): FrameHeader | null {
  const b1 = bytes[at + 1]!;
  const b2 = bytes[at + 2]!;
  if (bytes[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const version = (b1 >> 3) & 3; // 0: 2.5, 1: reserved, 2: 2, 3: 1
  const layer = (b1 >> 1) & 3; // 1: III, 2: II, 3: I, 0: reserved
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (version === 1 || layer === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
    return null;
  if ((bytes[at + 3]! & 3) === 2) return null; // reserved emphasis
  const v1 = version === 3;
  const table =
    layer === 3
      ? v1
        ? BITRATES.v1l1
        : BITRATES.v2l1
      : v1
        ? layer === 2
          ? BITRATES.v1l2
          : BITRATES.v1l3
        : BITRATES.v2l23;
  const bitrate = table[bitrateIndex]! * 1000;
  const sampleRate = SAMPLE_RATES[version]![rateIndex]!;
  const samples = layer === 3 ? 384 : layer === 1 && !v1 ? 576 : 1152;
  const padding = (b2 >> 1) & 1;
  const length =
    layer === 3
      ? (Math.floor((12 * bitrate) / sampleRate) + padding) * 4
      : Math.floor(((samples / 8) * bitrate) / sampleRate) + padding;
  return { kind: (b1 & 0x1e) | (rateIndex << 5), length, samples, sampleRate };
}
