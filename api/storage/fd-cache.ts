import { close, open } from 'node:fs';

interface Entry {
  fd: Promise<number>;
  users: number;
  idle?: NodeJS.Timeout;
}

export interface FdLease {
  fd: number;
  release(): void;
}

/**
 * Shares one read-only file descriptor per file among concurrent listeners (reads are positional,
 * so they never disturb each other). Opening and closing a file per request cost about 14 % of the
 * stream route's CPU under load (test/bench/PROFILE.md). A descriptor nobody uses is closed after
 * `idleMs`, so a replaced file is picked up and nothing stays open for long.
 */
export function createFdCache(idleMs = 2000) {
  const entries = new Map<string, Entry>();

  function drop(id: string, entry: Entry) {
    entries.delete(id);
    entry.fd.then((fd) => close(fd, () => {})).catch(() => {});
  }

  return {
    async acquire(id: string, path: string): Promise<FdLease> {
      let entry = entries.get(id);
      if (!entry) {
        const fd = new Promise<number>((resolve, reject) =>
          open(path, 'r', (error, fd) => (error ? reject(error) : resolve(fd))),
        );
        entry = { fd, users: 0 };
        entries.set(id, entry);
        fd.catch(() => entries.get(id) === entry && entries.delete(id));
      }
      const current = entry;
      current.users++;
      clearTimeout(current.idle);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (--current.users > 0) return;
        current.idle = setTimeout(() => entries.get(id) === current && drop(id, current), idleMs);
        current.idle.unref();
      };
      try {
        return { fd: await current.fd, release };
      } catch (error) {
        release();
        throw error;
      }
    },
    /** Closes every idle descriptor now (shutdown); ones in use close when released. */
    closeIdle() {
      for (const [id, entry] of entries) {
        if (entry.users === 0) {
          clearTimeout(entry.idle);
          drop(id, entry);
        }
      }
    },
  };
}
