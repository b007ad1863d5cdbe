import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AudioObjectInfo } from './audio-store.ts';
import { resolveInside, versionOf } from './fs-identity.ts';

export interface ListingOptions {
  root: string;
  /** `root` with its own symlinks resolved: what "inside the library" means. */
  realRoot: string;
  followSymlinks: boolean;
  /** A folder or link that was skipped, and why (the store logs each once). */
  skip(key: string, cause: string): void;
}

/**
 * Every file under `root`, keyed by its relative POSIX path. Written here rather than with
 * unstorage's fs driver: that driver turns `/` into `:` (so names with `:` or `\` could not be told
 * apart or were lost), and on an unreadable folder it returns an error object instead of throwing
 * (`entries.map is not a function`), which took the whole rescan down. Here an unreadable folder, a
 * dangling link or a symlink loop is reported and skipped, and the rest is listed.
 */
export async function listFolder(options: ListingOptions): Promise<AudioObjectInfo[]> {
  const found: AudioObjectInfo[] = [];
  const rootStats = await stat(options.root, { bigint: true });
  await walk(options, options.root, '', new Set([`${rootStats.dev}:${rootStats.ino}`]), found);
  return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** `ancestors` holds the folders above this one (device:inode): a link back to one is a loop. */
async function walk(
  options: ListingOptions,
  dir: string,
  prefix: string,
  ancestors: Set<string>,
  found: AudioObjectInfo[],
): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    // The library itself unreadable (a mount gone, a transient error): fail the whole listing, so a
    // rescan keeps the catalog it has rather than concluding every song was removed.
    if (prefix === '') throw error;
    options.skip(prefix, `cannot read folder (${describe(error)})`);
    return;
  }
  // At most STAT_BATCH stats in flight, and subfolders walked one after another: with one promise
  // per file in flight at once, listing 100 000 files peaks the heap at ~360 MiB and leaves the
  // process ~500 MiB larger for good; this way it stays ~50 MiB, in the same time.
  const subfolders: (() => Promise<void>)[] = [];
  const visit = async (entry: Dirent): Promise<void> => {
    const key = prefix ? `${prefix}/${entry.name}` : entry.name;
    const path = join(dir, entry.name);
    const linked = entry.isSymbolicLink();
    if (!linked && !entry.isFile() && !entry.isDirectory()) return; // fifos, sockets, devices
    if (linked) {
      const real = await resolveInside(path, options.realRoot, options.followSymlinks);
      if (real === null) return void options.skip(key, await whyNotFollowed(path));
    }
    let stats: Awaited<ReturnType<typeof statBig>>;
    try {
      stats = await statBig(path);
    } catch (error) {
      // Node decodes names as UTF-8: one that is not cannot be opened by the name it reads back.
      const undecodable = entry.name.includes('\uFFFD') && !linked;
      return void options.skip(key, undecodable ? 'file name is not valid UTF-8' : describe(error));
    }
    if (stats.isFile()) {
      const info = { key, size: Number(stats.size), mtimeMs: Number(stats.mtimeMs) };
      found.push({ ...info, version: versionOf(stats) });
    } else if (stats.isDirectory()) {
      const id = `${stats.dev}:${stats.ino}`;
      if (ancestors.has(id))
        return void options.skip(key, 'symlink loop (links to a folder above it)');
      subfolders.push(() => walk(options, path, key, new Set([...ancestors, id]), found));
    }
  };
  for (let i = 0; i < entries.length; i += STAT_BATCH) {
    await Promise.all(entries.slice(i, i + STAT_BATCH).map(visit));
  }
  for (const subfolder of subfolders) await subfolder();
}

const STAT_BATCH = 16;

const statBig = (path: string) => stat(path, { bigint: true });

async function whyNotFollowed(path: string): Promise<string> {
  try {
    await stat(path);
    return 'symlink to a file outside the library (FOLLOW_SYMLINKS=1 follows it)';
  } catch (error) {
    return describe(error);
  }
}

function describe(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === 'ELOOP') return 'symlink loop (ELOOP)';
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${code})`;
  if (code === 'ENOENT') return 'dangling symlink or vanished (ENOENT)';
  return code ?? message;
}
