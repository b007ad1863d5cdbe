import { fstatSync, read, readSync } from 'node:fs';
import { StaleObjectError } from './audio-store.ts';
import type { FdLease, OpenFile } from './fd-cache.ts';
import { type Fingerprint, sameFingerprint } from './fs-identity.ts';
import type { WarmBlocks } from './warm-blocks.ts';

/** A descriptor verified against the scanned version when it was opened. */
export interface FsFile extends OpenFile {
  /** Where it was opened from, and what it was: a reused descriptor must still be what that path names. */
  path: string;
  dev: bigint;
  ino: bigint;
  fingerprint: Fingerprint;
  warm: WarmBlocks;
}

export type ReadDone = (error: Error | null, bytesRead: number) => void;

/**
 * Reads exactly `length` bytes at `position` into `buffer` and then checks, with one fstat, that
 * the file is still the version that was verified at open. A short read or a changed file (any
 * write changes ctime) is a StaleObjectError and invalidates the shared descriptor, so no byte read
 * after a change is ever sent under the old validators. Returns the count when it could read
 * synchronously (see warm-blocks.ts), otherwise undefined and calls `done` later.
 */
export function readVerified(
  lease: FdLease<FsFile>,
  buffer: Uint8Array,
  length: number,
  position: number,
  done: ReadDone,
): number | undefined {
  const { fd, warm } = lease.file;
  if (warm.isWarm(position, length)) {
    let bytesRead: number;
    try {
      bytesRead = readSync(fd, buffer, 0, length, position);
    } catch (error) {
      done(error as Error, 0);
      return undefined;
    }
    const problem = check(lease, bytesRead, length);
    if (problem) {
      done(problem, 0);
      return undefined;
    }
    warm.markRead(position, bytesRead);
    return bytesRead;
  }
  read(fd, buffer, 0, length, position, (error, bytesRead) => {
    if (error) return done(error, 0);
    const problem = check(lease, bytesRead, length);
    if (problem) return done(problem, 0);
    warm.markRead(position, bytesRead);
    done(null, bytesRead);
  });
  return undefined;
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
