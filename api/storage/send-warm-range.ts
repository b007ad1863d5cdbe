import type { Writable } from 'node:stream';
import type { FdLease } from './fd-cache.ts';
import { type FsFile, readVerified } from './fs-read.ts';
import { createWarmBlocks, WARM_BLOCK } from './warm-blocks.ts';

/** Enough for the blocks many listeners of a few songs ask for at once; nothing is kept at rest. */
const WARM_BUDGET = 32 * 1024 * 1024;
const warm = createWarmBlocks(WARM_BUDGET);

/**
 * Writes bytes `start..end` of a verified file into `out` from whole aligned blocks, kept warm for
 * the next request (see warm-blocks.ts), in one corked write. Used for short bounded ranges only (a
 * player's or the worker's chunk fetches): the blocks are shared, so nothing is copied per
 * listener; long and open-ended streams read small chunks instead, so a slow listener holds little.
 * Measured under workload 1 (`perf stat` on the server): 1.5× fewer CPU-seconds per request and
 * 1 % of the context switches of reading every range through the thread pool.
 * Calls `done` once, with an error when the file changed or `out` closed early.
 */
export function sendWarmRange(
  lease: FdLease<FsFile>,
  start: number,
  end: number,
  out: Writable,
  done: (error?: Error) => void,
): void {
  const first = Math.floor(start / WARM_BLOCK);
  const last = Math.floor(end / WARM_BLOCK);
  const blocks: Buffer[] = [];
  collect(first);

  function collect(index: number) {
    if (out.destroyed) return done(new Error('the listener left'));
    if (index > last) return write();
    const block = warm.get(lease.file, index);
    if (block) {
      blocks.push(block);
      return collect(index + 1);
    }
    const blockStart = index * WARM_BLOCK;
    const fresh = Buffer.allocUnsafeSlow(
      Math.min(WARM_BLOCK, lease.file.fingerprint.size - blockStart),
    );
    readVerified(lease, fresh, fresh.length, blockStart, (error) => {
      if (error) return done(error);
      warm.put(lease.file, index, fresh);
      blocks.push(fresh);
      collect(index + 1);
    });
  }

  function write() {
    out.cork();
    blocks.forEach((block, i) => {
      const blockStart = (first + i) * WARM_BLOCK;
      const from = Math.max(start, blockStart) - blockStart;
      const to = Math.min(end, blockStart + block.length - 1) - blockStart + 1;
      out.write(from === 0 && to === block.length ? block : block.subarray(from, to));
    });
    out.uncork();
    done();
  }
}
