/**
 * The first `count` bytes of `source`. A source that has more is cancelled once `count` bytes are
 * through (which aborts its request); one that has exactly that many is read to its end, so its
 * connection stays open for the next request. Errors if the source ends early: a range is never
 * answered short.
 */
export function takeBytes(
  source: ReadableStream<Uint8Array>,
  count: number,
  onShort: (got: number) => Error,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let left = count;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (left === 0) {
            controller.close();
            if (!done) await reader.cancel().catch(() => {});
            return;
          }
          if (done) return controller.error(onShort(count - left));
          const piece = value.length > left ? value.subarray(0, left) : value;
          left -= piece.length;
          controller.enqueue(piece);
        } catch (error) {
          controller.error(error);
        }
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}
