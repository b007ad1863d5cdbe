import type { AudioObject } from '../storage/audio-store.ts';
import type { RangeReader } from '../storage/range-tokenizer.ts';

/** Ranged reads of one opened object: what the scan's tag reader reads with. */
export function rangeReaderOf(object: AudioObject): RangeReader {
  return async (start, end) => {
    const pieces: Uint8Array[] = [];
    for await (const piece of object.read(start, end)) pieces.push(piece);
    return Buffer.concat(pieces);
  };
}
