/**
 * Small valid MP3 files made in memory: MPEG-1 Layer III frames (32 kHz, 32 kbit/s, mono, 144 bytes,
 * 36 ms each) of silence behind an ID3v2.4 tag, so tests and the 100 000-song benchmark need no
 * audio tools. Every tag is optional; `frames` sets the length.
 */
export interface Mp3Tags {
  title?: string;
  artist?: string;
  albumArtist?: string;
  album?: string;
  /** "3" or "3/12" */
  track?: string;
  /** "1" or "1/2" */
  disc?: string;
  year?: string;
  /** Several genres are stored as ID3v2.4 does: NUL-separated in one frame. */
  genres?: string[];
  compilation?: boolean;
  picture?: { mime: string; bytes: Uint8Array };
}

export const MP3_FRAME_BYTES = 144;
export const MP3_FRAME_SECONDS = 1152 / 32000;

const FRAME_HEADER = [0xff, 0xfb, 0x18, 0xc0];

/** `frames` frames of silence: the audio part of a file. */
export function mp3Frames(frames: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(frames * MP3_FRAME_BYTES);
  for (let i = 0; i < frames; i++) out.set(FRAME_HEADER, i * MP3_FRAME_BYTES);
  return out;
}

export function makeMp3(tags: Mp3Tags = {}, frames = 28): Uint8Array<ArrayBuffer> {
  const tag = id3v2(tags);
  const audio = mp3Frames(frames);
  const out = new Uint8Array(tag.length + audio.length);
  out.set(tag, 0);
  out.set(audio, tag.length);
  return out;
}

const encoder = new TextEncoder();

function id3v2(tags: Mp3Tags): Uint8Array {
  const frames: Uint8Array[] = [];
  const text = (id: string, value: string | undefined) => {
    if (value !== undefined) frames.push(frame(id, concat([[3], encoder.encode(value)])));
  };
  text('TIT2', tags.title);
  text('TPE1', tags.artist);
  text('TPE2', tags.albumArtist);
  text('TALB', tags.album);
  text('TRCK', tags.track);
  text('TPOS', tags.disc);
  text('TDRC', tags.year);
  text('TCON', tags.genres?.join('\u0000'));
  if (tags.compilation) text('TCMP', '1');
  if (tags.picture) {
    const { mime, bytes } = tags.picture;
    // encoding UTF-8, MIME, NUL, picture type 3 (front cover), empty description, NUL, data
    frames.push(frame('APIC', concat([[3], encoder.encode(mime), [0, 3, 0], bytes])));
  }
  const body = concat(frames);
  return concat([encoder.encode('ID3'), [4, 0, 0], syncsafe(body.length), body]);
}

function frame(id: string, body: Uint8Array): Uint8Array {
  return concat([encoder.encode(id), syncsafe(body.length), [0, 0], body]);
}

function syncsafe(n: number): number[] {
  return [(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f];
}

function concat(parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Deterministic noise (xorshift32): the same bytes for the same seed, on every run. */
export function noiseBytes(seed: number, length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}
