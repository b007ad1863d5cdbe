import type { AudioStore } from '../storage/audio-store.ts';
import type { RangeReader } from '../storage/range-tokenizer.ts';

/** Ranged reads of one object through the audio store: what the scan's tag reader reads with. */
export function rangeReaderOf(store: AudioStore, key: string): RangeReader {
  return async (start, end) => {
    const pieces: Uint8Array[] = [];
    for await (const piece of store.read(key, start, end)) pieces.push(piece as Uint8Array);
    return Buffer.concat(pieces);
  };
}
