import type { AudioObject } from './audio-store.ts';
import type { FdLease } from './fd-cache.ts';
import { type FsFile, readVerified } from './fs-read.ts';
import { sendFileRange } from './send-file-range.ts';

/** Web-stream reads go 64 KiB at a time (the Node fast path uses send-file-range.ts instead). */
const STREAM_CHUNK = 64 * 1024;

/**
 * One verified version of a file, over a shared descriptor lease. The lease is released when the
 * object is closed and every read or send it started has ended.
 */
export function createFsObject(lease: FdLease<FsFile>): AudioObject {
  let users = 1;
  let closed = false;
  const leave = () => {
    if (--users === 0) lease.release();
  };
  const join = () => {
    users++;
    let left = false;
    return () => {
      if (!left) {
        left = true;
        leave();
      }
    };
  };

  return {
    read(start, end, signal) {
      const done = join();
      let position = start;
      return new ReadableStream<Uint8Array>(
        {
          start(controller) {
            signal?.addEventListener(
              'abort',
              () => {
                done();
                controller.error(signal.reason);
              },
              { once: true },
            );
          },
          pull(controller) {
            if (signal?.aborted) return;
            const length = Math.min(STREAM_CHUNK, end - position + 1);
            const buffer = new Uint8Array(length);
            return new Promise<void>((resolve) => {
              const deliver = (error: Error | null, bytesRead: number) => {
                if (error) {
                  done();
                  controller.error(error);
                } else {
                  position += bytesRead;
                  controller.enqueue(buffer);
                  if (position > end) {
                    done();
                    controller.close();
                  }
                }
                resolve();
              };
              readVerified(lease, buffer, length, position, deliver);
            });
          },
          cancel: done,
        },
        { highWaterMark: 0 },
      );
    },
    send(start, end, out, done) {
      const left = join();
      sendFileRange(lease, start, end, out, (error) => {
        left();
        done(error);
      });
    },
    close() {
      if (closed) return;
      closed = true;
      leave();
    },
  };
}
