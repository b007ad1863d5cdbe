import type { IRandomAccessTokenizer } from 'strtok3';

const TAIL = 64 * 1024;
const PAGE_HEADER = 27;

/**
 * The duration of an Ogg Opus or Vorbis stream from its last page's granule position, read from the
 * end of the file: music-metadata finds it by reading every page, which from an object store means
 * downloading the whole song. Same formula as music-metadata: Opus granules count 48 kHz samples
 * after the pre-skip; Vorbis granules count samples at the stream's rate. Null when the tail holds
 * no usable page (the caller then falls back to a full read).
 */
export async function oggTailDuration(
  tokenizer: IRandomAccessTokenizer,
  codec: string | undefined,
  sampleRate: number | undefined,
): Promise<number | null> {
  const size = tokenizer.fileInfo.size;
  const tailStart = Math.max(0, size - TAIL);
  const tail = new Uint8Array(size - tailStart);
  await tokenizer.peekBuffer(tail, { position: tailStart, length: tail.length });
  const granule = lastGranule(tail);
  if (granule === null) return null;
  if (/opus/i.test(codec ?? '')) {
    const preSkip = await opusPreSkip(tokenizer);
    return preSkip === null ? null : Number(granule - BigInt(preSkip)) / 48_000;
  }
  if (/vorbis/i.test(codec ?? '') && sampleRate) return Number(granule) / sampleRate;
  return null;
}

/** The granule position of the last complete page header in `bytes` (−1 granules skipped). */
function lastGranule(bytes: Uint8Array): bigint | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = bytes.length - PAGE_HEADER; at >= 0; at--) {
    // "OggS", stream structure version 0.
    if (bytes[at] !== 0x4f || bytes[at + 1] !== 0x67 || bytes[at + 2] !== 0x67) continue;
    if (bytes[at + 3] !== 0x53 || bytes[at + 4] !== 0) continue;
    const granule = view.getBigInt64(at + 6, true);
    if (granule >= 0n) return granule;
  }
  return null;
}

/** Pre-skip from the OpusHead packet at the start of the first page. */
async function opusPreSkip(tokenizer: IRandomAccessTokenizer): Promise<number | null> {
  const head = new Uint8Array(Math.min(512, tokenizer.fileInfo.size));
  await tokenizer.peekBuffer(head, { position: 0, length: head.length });
  const text = new TextDecoder('latin1').decode(head);
  const at = text.indexOf('OpusHead');
  if (at < 0 || at + 12 > head.length) return null;
  return head[at + 10]! | (head[at + 11]! << 8);
}
