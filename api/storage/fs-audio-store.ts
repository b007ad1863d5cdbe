import { type BigIntStats, closeSync, fstatSync, open as openFd, statSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AudioObject, AudioObjectInfo, AudioStore } from './audio-store.ts';
import { createFdCache, type FdCache, type FdLease } from './fd-cache.ts';
import { keyPath, resolveInside, sameFingerprint, versionOf } from './fs-identity.ts';
import { listFolder } from './fs-listing.ts';
import { createFsObject } from './fs-object.ts';
import type { FsFile } from './fs-read.ts';

export interface FsStoreOptions {
  /** Follow symlinks to files outside the folder too (FOLLOW_SYMLINKS=1); inside is always fine. */
  followSymlinks?: boolean;
  log?: { warn(message: string): void };
}

export interface FsAudioStore extends AudioStore {
  /** The shared descriptors, whose lease counts tests watch. */
  readonly descriptors: FdCache<FsFile>;
}

/**
 * Audio store over a folder. Keys are relative POSIX paths. `open` follows the symlink policy
 * (see README, FOLLOW_SYMLINKS) and checks the opened descriptor's identity (device, inode, size,
 * mtime, ctime) against the scanned version; every read checks it again, so a file swapped,
 * rewritten or truncated under the server is never served under its old validators.
 */
export function createFsAudioStore(base: string, options: FsStoreOptions = {}): FsAudioStore {
  const root = resolve(base);
  const follow = options.followSymlinks ?? false;
  let realRoot: Promise<string> | undefined;
  const realRootOf = () => {
    realRoot ??= realpath(root);
    return realRoot;
  };
  const descriptors = createFdCache<FsFile>();
  const reported = new Set<string>();

  async function resolveKey(key: string): Promise<string | null> {
    const path = keyPath(root, key);
    return path && resolveInside(path, await realRootOf(), follow);
  }

  /** Opens the version `version` of `key`, or null when that version is not what is there now. */
  async function openVersion(key: string, version: string): Promise<FsFile | null> {
    const real = await resolveKey(key);
    if (real === null) return null;
    const fd = await new Promise<number | null>((done, fail) =>
      openFd(real, 'r', (error, fd) =>
        !error ? done(fd) : error.code === 'ENOENT' ? done(null) : fail(error),
      ),
    );
    if (fd === null) return null;
    const identity = fstatSync(fd, { bigint: true });
    if (!identity.isFile() || versionOf(identity) !== version) {
      closeSync(fd);
      return null;
    }
    const plain = fstatSync(fd);
    const fingerprint = { size: plain.size, mtimeMs: plain.mtimeMs, ctimeMs: plain.ctimeMs };
    const { dev, ino } = identity;
    return {
      fd,
      path: keyPath(root, key)!,
      dev,
      ino,
      fingerprint,
      pathCheckedAt: performance.now(),
    };
  }

  function acquire(id: string, key: string, version: string) {
    const opened = descriptors.acquire(id, async () => {
      const file = await openVersion(key, version);
      if (!file) throw NOT_THIS_VERSION;
      return file;
    });
    return opened.catch((error: unknown) => {
      if (error === NOT_THIS_VERSION) return null;
      throw error;
    });
  }

  return {
    name: 'fs',
    descriptors,
    async list() {
      return listFolder({
        root,
        realRoot: await realRootOf(),
        followSymlinks: follow,
        skip(key, cause) {
          const line = `skipped ${JSON.stringify(key)}: ${cause}`;
          if (reported.has(line)) return;
          reported.add(line);
          options.log?.warn(line);
        },
      });
    },
    async stat(key) {
      const real = await resolveKey(key);
      const stats = real === null ? null : await stat(real, { bigint: true }).catch(() => null);
      return stats?.isFile() ? toInfo(key, stats) : null;
    },
    async open(key, version) {
      const id = `${key}\0${version}`;
      const lease = descriptors.lease(id) ?? (await acquire(id, key, version));
      return lease && objectIfCurrent(lease);
    },
    openNow(key, version) {
      const lease = descriptors.lease(`${key}\0${version}`);
      return lease ? (objectIfCurrent(lease) ?? undefined) : undefined;
    },
    async dispose() {
      descriptors.closeIdle();
    },
  };
}

const NOT_THIS_VERSION = new Error('not this version');

/** The leased file as an object, or null (the lease given back) when it changed since it was opened. */
function objectIfCurrent(lease: FdLease<FsFile>): AudioObject | null {
  if (stillCurrent(lease.file)) return createFsObject(lease);
  lease.invalidate();
  lease.release();
  return null;
}

/** How often a shared descriptor's path is checked again (see stillCurrent). */
const PATH_CHECK_MS = 1000;

/**
 * A shared descriptor may have been opened a while ago. Since then the file may have been rewritten
 * in place (same inode, new ctime): checked at every open, since the answer's validators depend on
 * it. Or its path may have been made to name another file (a rename over it, a symlink swapped for
 * /etc/passwd): the descriptor still reads the scanned bytes, so serving them stays honest, and
 * that is checked at most once a second per descriptor to keep a syscall off the hot path.
 */
function stillCurrent(file: FsFile): boolean {
  try {
    const now = performance.now();
    if (now - file.pathCheckedAt >= PATH_CHECK_MS) {
      const named = statSync(file.path, { bigint: true });
      if (named.dev !== file.dev || named.ino !== file.ino) return false;
      file.pathCheckedAt = now;
    }
    return sameFingerprint(fstatSync(file.fd), file.fingerprint);
  } catch {
    return false;
  }
}

function toInfo(key: string, stats: BigIntStats): AudioObjectInfo {
  return {
    key,
    size: Number(stats.size),
    mtimeMs: Number(stats.mtimeMs),
    version: versionOf(stats),
  };
}
