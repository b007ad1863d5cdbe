import { read } from 'node:fs';
import type { Writable } from 'node:stream';
import { createBufferPool } from './buffer-pool.ts';

/** A bounded range up to this size is read in one call (browsers' and the worker's chunk fetches). */
const WHOLE_RANGE_LIMIT = 512 * 1024;
/** Open-ended streams start small and shrink after backpressure: a paused listener holds one chunk. */
const SMALL_CHUNK = 16 * 1024;
const START_CHUNK = 32 * 1024;
/** …and grow only once a consumer has proven fast over more than socket buffers can hide. */
const GROW_AFTER_BYTES = 1 * 1024 * 1024;
const MAX_CHUNK = 512 * 1024;

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
  let chunk = end - start + 1 <= WHOLE_RANGE_LIMIT ? end - start + 1 : START_CHUNK;
  let fastBytes = 0;
  let finished = false;

  const finish = (error?: Error) => {
    if (finished) return;
    finished = true;
    out.off('close', onClose);
    out.off('drain', next);
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
      const written = out.write(view, () => pool.give(buffer));
      if (position > end) {
        out.end();
        return finish();
      }
      if (written) {
        fastBytes += bytesRead;
        if (fastBytes >= GROW_AFTER_BYTES) chunk = Math.min(chunk * 2, MAX_CHUNK);
        return next();
      }
      chunk = SMALL_CHUNK;
      fastBytes = 0;
      out.once('drain', next);
    });
  }
}
