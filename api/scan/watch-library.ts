import { type FSWatcher, watch } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

export interface WatchLog {
  warn(message: string): void;
}

/**
 * Calls `onChange` once things settle after files change under `dir` (a copy of an album fires
 * hundreds of events). Returns a function that stops watching.
 *
 * One `fs.watch` per folder, never following symbolic links. Not Node's `recursive: true`: on
 * Linux it stats and watches every *file* (100 000 watchers and Stats objects for 100 000 songs),
 * follows links into loops, and one unreadable entry stops it from watching the rest of a folder.
 * Not chokidar either: it keeps per-file state too, and a rescan needs only "something changed".
 * Every failure (a folder it cannot read, the inotify limit) is logged once and watching goes on
 * where it can; SIGHUP still rescans everything.
 */
export function watchLibrary(
  dir: string,
  onChange: () => void,
  { settleMs = 1500, log }: { settleMs?: number; log: WatchLog },
): () => void {
  const watchers = new Map<string, FSWatcher>();
  const reported = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const report = (folder: string, error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code ?? 'ERROR';
    const key = `${code}:${folder}`;
    if (reported.has(key)) return;
    reported.add(key);
    const where = relative(dir, folder) || '.';
    const hint = code === 'ENOSPC' ? ' (raise fs.inotify.max_user_watches)' : '';
    log.warn(`not watching ${where}: ${code} ${(error as Error).message}${hint}`);
  };

  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // New folders get their own watcher before the rescan runs.
      void sync().finally(() => {
        if (!stopped) onChange();
      });
    }, settleMs);
    timer.unref();
  };

  const add = (folder: string) => {
    if (watchers.has(folder) || stopped) return;
    try {
      const watcher = watch(folder, { persistent: false }, changed);
      watcher.on('error', (error) => {
        report(folder, error);
        watcher.close();
        watchers.delete(folder);
        changed();
      });
      watchers.set(folder, watcher);
    } catch (error) {
      report(folder, error);
    }
  };

  /** Watches every folder that exists now and stops watching those that are gone. */
  async function sync() {
    const seen = new Set<string>();
    const pending = [dir];
    while (pending.length > 0 && !stopped) {
      const folder = pending.pop()!;
      seen.add(folder);
      add(folder);
      try {
        for (const entry of await readdir(folder, { withFileTypes: true })) {
          if (entry.isDirectory()) pending.push(join(folder, entry.name)); // links are not followed
        }
      } catch (error) {
        report(folder, error);
      }
    }
    for (const [folder, watcher] of watchers) {
      if (seen.has(folder)) continue;
      watcher.close();
      watchers.delete(folder);
    }
  }

  void sync();
  return () => {
    stopped = true;
    clearTimeout(timer);
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };
}
