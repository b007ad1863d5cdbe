import type { AudioObject } from '../storage/audio-store.ts';
import type { BodyPiece } from './body-pieces.ts';

/**
 * A web body for the pieces of a plan, read from `object` only as the consumer pulls. It errors
 * rather than ends when fewer (or more) than `length` bytes came out, so every transport cuts the
 * connection instead of finishing a short body that a kept-alive client would take as complete.
 * `onEnd` runs once: after the last byte, on an error, or when the consumer cancels.
 */
export function createWebBody(
  pieces: BodyPiece[],
  length: number,
  object: AudioObject,
  onEnd: (error?: unknown) => void,
): ReadableStream<Uint8Array> {
  let index = 0;
  let sent = 0;
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  let ended = false;
  const end = (error?: unknown) => {
    if (ended) return;
    ended = true;
    object.close();
    onEnd(error);
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          for (;;) {
            if (reader) {
              const { done, value } = await reader.read();
              if (!done) return deliver(controller, value);
              reader = null;
              continue;
            }
            const piece = pieces[index++];
            if (piece === undefined) {
              if (sent !== length) throw new Error(`body came out at ${sent} of ${length} bytes`);
              controller.close();
              return end();
            }
            if (piece instanceof Uint8Array) return deliver(controller, piece);
            reader = object.read(piece.start, piece.end).getReader();
          }
        } catch (error) {
          controller.error(error);
          end(error);
        }
      },
      async cancel(reason) {
        await reader?.cancel(reason).catch(() => {});
        end();
      },
    },
    { highWaterMark: 0 },
  );

  function deliver(controller: ReadableStreamDefaultController<Uint8Array>, bytes: Uint8Array) {
    sent += bytes.byteLength;
    if (sent > length) throw new Error(`body came out longer than ${length} bytes`);
    controller.enqueue(bytes);
  }
}
