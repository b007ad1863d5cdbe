import { type FSWatcher, watch } from 'node:fs';

/**
 * Calls `onChange` once things settle after files change under `dir` (a copy of an album fires
 * hundreds of events). Returns a function that stops watching.
 */
export function watchLibrary(dir: string, onChange: () => void, settleMs = 1500): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { recursive: true, persistent: false }, () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, settleMs);
    });
  } catch {
    // Some file systems (network mounts) cannot be watched: rescans still run on SIGHUP.
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
