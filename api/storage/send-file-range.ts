import { read } from 'node:fs';
import type { Writable } from 'node:stream';
import { createBufferPool } from './buffer-pool.ts';

/** A bounded range up to this size is read in one call (browsers' and the worker's chunk fetches). */
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
 * Writes bytes `start..end` of an open file into `out` and ends it, with positional reads and no
 * read-ahead: the next read starts only when `out` has taken the previous chunk, so memory per
 * listener stays about one chunk however slowly it reads. Calls `done` exactly once, when the body
 * is finished or `out` was closed early (the caller then releases the descriptor).
 */
export function sendFileRange(
  fd: number,
  start: number,
  end: number,
  out: Writable,
  done: (error?: Error) => void,
): void {
  let position = start;
  let chunk = end - start + 1 <= WHOLE_RANGE_LIMIT ? end - start + 1 : CHUNK;
  let finished = false;
  let onDrain: (() => void) | null = null;

  const finish = (error?: Error) => {
    if (finished) return;
    finished = true;
    out.off('close', onClose);
    if (onDrain) out.off('drain', onDrain);
    done(error);
  };
  const onClose = () => finish();
  out.on('close', onClose);
  next();

  function next() {
    if (finished) return;
    if (out.destroyed) return finish();
    const length = Math.min(chunk, end - position + 1);
    const buffer = pool.take(length);
    read(fd, buffer, 0, length, position, (error, bytesRead) => {
      if (finished) return pool.give(buffer);
      if (error || bytesRead === 0) {
        pool.give(buffer);
        // The file shrank or failed under us: cut the response rather than send a short body.
        const cause = error ?? new Error('file ended before the range did');
        out.destroy(cause);
        return finish(cause);
      }
      position += bytesRead;
      // The buffer is reused once the socket has flushed it (and not before: libuv reads it).
      const view = bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
      const flowing = out.write(view, () => pool.give(buffer));
      if (position > end) {
        out.end();
        return finish();
      }
      if (flowing) return next();
      const waitStarted = performance.now();
      onDrain = () => {
        onDrain = null;
        chunk = performance.now() - waitStarted > SLOW_DRAIN_MS ? SLOW_CHUNK : CHUNK;
        next();
      };
      out.once('drain', onDrain);
    });
  }
}
