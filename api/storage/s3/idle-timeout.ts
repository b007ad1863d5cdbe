/**
 * Passes a body through, erroring it with `onTimeout()` (and cancelling the source, which aborts the
 * upstream request) when no piece arrives for `ms` while the reader is waiting. A slow reader is not
 * a stalled store: the timer only runs while a read is pending.
 */
export function withIdleTimeout(
  source: ReadableStream<Uint8Array>,
  ms: number,
  onTimeout: () => Error,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let timer: NodeJS.Timeout | undefined;
        const stalled = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(onTimeout()), ms);
        });
        try {
          const { done, value } = await Promise.race([reader.read(), stalled]);
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          controller.error(error);
          reader.cancel(error).catch(() => {});
        } finally {
          clearTimeout(timer);
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
