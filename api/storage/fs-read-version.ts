import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { keyPath, versionOf } from './fs-identity.ts';

/** O_NONBLOCK: if the path was swapped for a FIFO since the listing, open returns instead of waiting. */
const FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

/**
 * The whole content of `key` as it was listed (`version`), or null when that file is no longer
 * what the path names, or changed while it was read. For a scan's parse workers, which read small
 * files one after another: synchronous calls (open, one fstat, read, fstat, close) cost a few
 * microseconds, where the store's open (realpath, shared descriptor, web stream of 64 KiB pulls)
 * costs ~0.35 ms of CPU per file in promises and thread-pool round trips.
 *
 * No realpath: the symlink policy is kept by identity instead. `version` comes from a listing that
 * applied the policy (device and inode of a file it was allowed to reach), and the descriptor's
 * device and inode must be those: a path that now leads elsewhere (a folder or link swapped for
 * one that points outside) opens another inode, and is refused.
 */
export function readVersionSync(root: string, key: string, version: string): Uint8Array | null {
  const path = keyPath(root, key);
  if (path === null) return null;
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return null;
    throw error;
  }
  try {
    const stats = fstatSync(fd, { bigint: true });
    if (!stats.isFile() || versionOf(stats) !== version) return null;
    const size = Number(stats.size);
    const bytes = new Uint8Array(size);
    let at = 0;
    while (at < size) {
      const read = readSync(fd, bytes, at, size - at, at);
      if (read === 0) return null; // shrank while read
      at += read;
    }
    // A write while it was read changes ctime: the bytes may mix two versions.
    return versionOf(fstatSync(fd, { bigint: true })) === version ? bytes : null;
  } finally {
    closeSync(fd);
  }
}
