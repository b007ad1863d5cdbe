import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * One full, compacting garbage collection, run after the phases that churn through far more
 * memory than they keep (loading the catalog and building its indexes, a scan). Without it V8
 * keeps the pages those phases grew the heap to: at 100 000 songs the heap holds ~55 MiB of
 * catalog inside ~100 MiB of pages, and the process stays that large at rest. A pause of a few
 * tens of milliseconds once per scan, never on a request's path.
 */
export function compactHeap(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
