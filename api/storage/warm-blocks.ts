/**
 * Which parts of an open file were read lately, so are almost surely in the page cache. Such a
 * read is done synchronously on the main thread: a 256 KiB copy from the page cache takes ~40 µs,
 * while the thread-pool hop of an async read adds ~30 µs of wake-ups on top (measured here), which
 * under load was a third of the stream route's cost. A block nobody read within WARM_MS goes back
 * to the thread pool, so a cold disk read never stalls the event loop; a wrong guess (the kernel
 * dropped the page meanwhile) stalls it for one bounded read at most. Node cannot ask the kernel
 * (no preadv2 RWF_NOWAIT, no mincore), hence the guess.
 */
const BLOCK = 256 * 1024;
const WARM_MS = 30_000;
/** Larger reads always use the thread pool: a wrong guess must stay a short stall. */
export const SYNC_READ_LIMIT = 512 * 1024;

export interface WarmBlocks {
  isWarm(start: number, length: number): boolean;
  markRead(start: number, length: number): void;
}

export function createWarmBlocks(
  size: number,
  now: () => number = performance.now.bind(performance),
): WarmBlocks {
  const lastRead = new Float64Array(Math.ceil(size / BLOCK));
  const blocks = (start: number, length: number) => [
    Math.floor(start / BLOCK),
    Math.floor((start + length - 1) / BLOCK),
  ];
  return {
    isWarm(start, length) {
      if (length > SYNC_READ_LIMIT || length <= 0) return false;
      const [first, last] = blocks(start, length) as [number, number];
      const since = now() - WARM_MS;
      for (let i = first; i <= last; i++) if (!(lastRead[i]! > since)) return false;
      return true;
    },
    markRead(start, length) {
      if (length <= 0) return;
      const [first, last] = blocks(start, length) as [number, number];
      const at = now();
      for (let i = first; i <= last && i < lastRead.length; i++) lastRead[i] = at;
    },
  };
}
