/**
 * The body of a media answer: the needed slice of each chunk, in order. Pull-based with one chunk of
 * look-ahead: the next chunk loads while the reader consumes the current one, nothing further.
 */
import type { ChunkSlice } from './chunks.ts';

export function createChunkStream(
  slices: ChunkSlice[],
  first: Uint8Array<ArrayBuffer>,
  load: (slice: ChunkSlice) => Promise<Uint8Array<ArrayBuffer>>,
  finish: () => void,
): ReadableStream<Uint8Array> {
  let next = 0;
  let pending: Promise<Uint8Array<ArrayBuffer>> = Promise.resolve(first);
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const bytes = await pending;
          if (cancelled) return;
          const slice = slices[next]!;
          next += 1;
          if (next < slices.length) {
            pending = load(slices[next]!);
            pending.catch(() => {}); // read (and reported) at the next pull
          }
          controller.enqueue(bytes.subarray(slice.from, slice.to));
          if (next === slices.length) {
            controller.close();
            finish();
          }
        } catch (error) {
          controller.error(error);
          finish();
        }
      },
      cancel() {
        cancelled = true;
        finish();
      },
    },
    // Pull only when the reader asks: nothing is loaded ahead beyond one chunk.
    { highWaterMark: 0 },
  );
}
