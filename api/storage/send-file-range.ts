import type { Writable } from 'node:stream';
import { createBufferPool } from './buffer-pool.ts';
import type { FdLease } from './fd-cache.ts';
import { type FsFile, readVerified } from './fs-read.ts';
import { sendWarmRange } from './send-warm-range.ts';

/** A bounded range up to this size is sent from warm blocks (browsers' and the worker's chunk fetches). */
const WHOLE_RANGE_LIMIT = 512 * 1024;
/**
 * Open-ended streams read 64 KiB at a time, and 16 KiB while the listener drains slowly, so a paused
 * player holds about one small chunk. Larger reads for fast consumers were measured and rejected:
 * a slow listener looks fast until the kernel's socket buffers fill (megabytes), so chunks had grown
 * just before they got stuck (168 KiB per listener instead of 45, for 15 % more download speed).
 */
const CHUNK = 64 * 1024;
const SLOW_CHUNK = 16 * 1024;
/**
 * `write()` reports backpressure for any chunk above the socket's 16 KiB high-water mark, even when
 * the kernel took it at once; what tells a slow reader is how long `'drain'` then takes.
 */
const SLOW_DRAIN_MS = 2;

/** Read buffers are pooled across responses (see buffer-pool.ts). */
const pool = createBufferPool();

/**
 * Writes bytes `start..end` of a verified file into `out` (without ending it), with positional
 * reads and no read-ahead: the next read starts only when `out` has taken the previous chunk, so
 * memory per listener stays about one chunk however slowly it reads. Calls `done` exactly once:
 * without an error when every byte was written, with one when the file changed or failed (the
 * caller cuts the connection: a short body must never look complete) or `out` closed early.
 */
export function sendFileRange(
  lease: FdLease<FsFile>,
  start: number,
  end: number,
  out: Writable,
  done: (error?: Error) => void,
): void {
  if (end - start + 1 <= WHOLE_RANGE_LIMIT) {
    sendWarmRange(lease, start, end, out, done);
    return;
  }
  let position = start;
  let chunk = CHUNK;
  let finished = false;
  let onDrain: (() => void) | null = null;

  const finish = (error?: Error) => {
    if (finished) return;
    finished = true;
    out.off('close', onClose);
    if (onDrain) out.off('drain', onDrain);
    done(error);
  };
  const onClose = () => finish(new Error('the listener left'));
  out.on('close', onClose);
  pump();

  function pump() {
    if (finished) return;
    if (out.destroyed) return finish(new Error('the listener left'));
    const length = Math.min(chunk, end - position + 1);
    const buffer = pool.take(length);
    readVerified(lease, buffer, length, position, (error, bytesRead) => {
      if (error) {
        pool.give(buffer);
        return finish(error);
      }
      if (written(buffer, bytesRead)) pump();
    });
  }

  /** Hands a chunk to `out`; true when the next one may be read right away. */
  function written(buffer: Buffer, bytesRead: number): boolean {
    if (finished) {
      pool.give(buffer);
      return false;
    }
    position += bytesRead;
    // The buffer is reused once the socket has flushed it (and not before: libuv reads it).
    const view = bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
    const flowing = out.write(view, () => pool.give(buffer));
    if (position > end) {
      finish();
      return false;
    }
    if (flowing) return true;
    const waitStarted = performance.now();
    onDrain = () => {
      onDrain = null;
      chunk = performance.now() - waitStarted > SLOW_DRAIN_MS ? SLOW_CHUNK : CHUNK;
      pump();
    };
    out.once('drain', onDrain);
    return false;
  }
}
