/**
 * Where a FLAC file's audio really ends, from its last frames: the scan compares it with the total
 * its STREAMINFO header declares, so a file cut short is not listed with the length it claims.
 * music-metadata takes the duration from the header alone.
 */

/** How much of the file's end is searched: several frames even at 24-bit/192 kHz. */
export const FLAC_TAIL_BYTES = 512 * 1024;

interface FrameHeader {
  /** First sample of the frame. */
  start: number;
  blockSize: number;
  /** Frame number (fixed block size) or sample number (variable), as written. */
  number: number;
  variable: boolean;
}

/**
 * Samples covered by the audio frames, read from the file's `tail` (its last bytes), or null when
 * that cannot be told with confidence (fewer than two frames that follow one another). A frame
 * header is believed only when its CRC-8 matches and the one before it in the tail numbers
 * consecutively, so that a sync pattern inside compressed audio is not taken for a frame.
 */
export function flacFramesEnd(tail: Uint8Array, nominalBlockSize: number): number | null {
  let later: FrameHeader | null = null;
  for (let at = tail.length - 6; at >= 0; at--) {
    if (tail[at] !== 0xff || (tail[at + 1]! & 0xfe) !== 0xf8) continue;
    const header = readHeader(tail, at, nominalBlockSize);
    if (!header) continue;
    if (later && follows(header, later)) return later.start + later.blockSize;
    later = header;
  }
  return null;
}

/** Block size the stream declares in STREAMINFO (fixed-size streams: every frame but the last). */
export function flacNominalBlockSize(head: Uint8Array): number | null {
  // "fLaC", then the first metadata block, which is STREAMINFO: max block size at bytes 10–11.
  if (head.length < 12 || String.fromCharCode(...head.subarray(0, 4)) !== 'fLaC') return null;
  if ((head[4]! & 0x7f) !== 0) return null;
  return (head[10]! << 8) | head[11]!;
}

function follows(before: FrameHeader, after: FrameHeader): boolean {
  if (before.variable !== after.variable) return false;
  return before.variable
    ? after.number === before.number + before.blockSize
    : after.number === before.number + 1;
}

function readHeader(b: Uint8Array, at: number, nominal: number): FrameHeader | null {
  const variable = (b[at + 1]! & 1) === 1;
  const sizeCode = b[at + 2]! >> 4;
  const rateCode = b[at + 2]! & 0x0f;
  const channels = b[at + 3]! >> 4;
  const depthCode = (b[at + 3]! >> 1) & 7;
  if (sizeCode === 0 || rateCode === 15 || channels > 10 || depthCode === 3 || b[at + 3]! & 1)
    return null;
  // The frame or sample number, UTF-8-style: a lead byte saying how many bytes follow.
  let p = at + 4;
  const lead = b[p++];
  if (lead === undefined || lead === 0xff) return null;
  const extra = lead < 0x80 ? 0 : lead >= 0xfe ? 6 : Math.clz32(~(lead << 24)) - 1;
  if (extra === -1 || (lead >= 0x80 && lead < 0xc0)) return null;
  let number = extra === 0 ? lead : lead & (0x3f >> extra);
  for (let i = 0; i < extra; i++) {
    const next = b[p++];
    if (next === undefined || (next & 0xc0) !== 0x80) return null;
    number = number * 64 + (next & 0x3f);
  }
  let blockSize = blockSizeOf(sizeCode);
  if (sizeCode === 6) blockSize = (b[p++] ?? 0) + 1;
  else if (sizeCode === 7) {
    blockSize = (((b[p] ?? 0) << 8) | (b[p + 1] ?? 0)) + 1;
    p += 2;
  }
  if (rateCode === 12) p += 1;
  else if (rateCode === 13 || rateCode === 14) p += 2;
  if (p >= b.length || crc8(b, at, p) !== b[p]) return null;
  const start = variable ? number : number * nominal;
  return { start, blockSize, number, variable };
}

function blockSizeOf(code: number): number {
  if (code === 1) return 192;
  if (code >= 2 && code <= 5) return 576 << (code - 2);
  if (code >= 8) return 256 << (code - 8);
  return 0; // 6, 7: given after the number
}

/** CRC-8 of FLAC frame headers (polynomial x^8 + x^2 + x + 1). */
function crc8(b: Uint8Array, from: number, to: number): number {
  let crc = 0;
  for (let i = from; i < to; i++) {
    crc ^= b[i]!;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}
