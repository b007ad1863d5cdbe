import { fstatSync, read } from 'node:fs';
import { StaleObjectError } from './audio-store.ts';
import type { FdLease, OpenFile } from './fd-cache.ts';
import { type Fingerprint, sameFingerprint } from './fs-identity.ts';

/** A descriptor verified against the scanned version when it was opened. */
export interface FsFile extends OpenFile {
  /** Where it was opened from, and what it was: a reused descriptor must still be what that path names. */
  path: string;
  dev: bigint;
  ino: bigint;
  /** performance.now() of the last check that `path` still names this file. */
  pathCheckedAt: number;
  fingerprint: Fingerprint;
}

export type ReadDone = (error: Error | null, bytesRead: number) => void;

/**
 * Reads exactly `length` bytes at `position` into `buffer` and then checks, with one fstat, that
 * the file is still the version that was verified at open. A short read or a changed file (any
 * write changes ctime) is a StaleObjectError and invalidates the shared descriptor, so no byte read
 * after a change is ever sent under the old validators.
 *
 * Reads go through the thread pool. Synchronous reads of recently read (page-cached) blocks were
 * measured and rejected: 2–3× fewer requests per second under load (test/bench/RESULTS.md).
 */
export function readVerified(
  lease: FdLease<FsFile>,
  buffer: Uint8Array,
  length: number,
  position: number,
  done: ReadDone,
): void {
  read(lease.file.fd, buffer, 0, length, position, (error, bytesRead) => {
    if (error) return done(error, 0);
    const problem = check(lease, bytesRead, length);
    if (problem) return done(problem, 0);
    done(null, bytesRead);
  });
}
function check(lease: FdLease<FsFile>, bytesRead: number, length: number): Error | null {
  let changed = bytesRead !== length;
  if (!changed) {
    try {
      changed = !sameFingerprint(fstatSync(lease.file.fd), lease.file.fingerprint);
    } catch {
      changed = true;
    }
  }
  if (!changed) return null;
  lease.invalidate();
  return new StaleObjectError('fs', 'the file changed while it was read');
}
