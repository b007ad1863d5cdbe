import type { BigIntStats } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** The fs store's version of a file: device, inode, size, mtime and ctime, in nanoseconds. */
export function versionOf(stats: BigIntStats): string {
  return [stats.dev, stats.ino, stats.size, stats.mtimeNs, stats.ctimeNs].join('-');
}

/** What can change while a descriptor is open (its device and inode cannot). */
export interface Fingerprint {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

/**
 * Cheap per-read check: plain fstat numbers, compared with those taken when the descriptor was
 * verified against the scanned version (same conversion, so equal stays equal). A write changes
 * ctime (even when size and mtime are put back, as `cp` then `touch -r` does).
 */
export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

/**
 * The symlink policy: where a path really leads must be inside the library's real root, unless
 * the admin allowed links to anywhere (FOLLOW_SYMLINKS=1). Null when it leads outside, or nowhere.
 */
export async function resolveInside(
  path: string,
  realRoot: string,
  followAnywhere: boolean,
): Promise<string | null> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return null; // dangling, a loop, or gone
  }
  if (followAnywhere || real === realRoot || real.startsWith(realRoot + sep)) return real;
  return null;
}

/** The path of a key, or null for one no listing could have produced (`..`, empty parts, NUL). */
export function keyPath(root: string, key: string): string | null {
  const parts = key.split('/');
  const bad = (part: string) => part === '' || part === '.' || part === '..' || part.includes('\0');
  return parts.some(bad) ? null : join(root, ...parts);
}
