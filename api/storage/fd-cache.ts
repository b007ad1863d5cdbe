import { close } from 'node:fs';

/** An open file: its descriptor and whatever its opener keeps with it (identity, warm blocks). */
export interface OpenFile {
  fd: number;
}

export interface FdLease<T extends OpenFile> {
  file: T;
  /** Idempotent. */
  release(): void;
  /** No new lease gets this descriptor (the file changed); it closes when the last one is released. */
  invalidate(): void;
}

interface Entry<T> {
  file: Promise<T>;
  /** The file once opened, so a lease on it can be taken without a promise. */
  ready?: T;
  users: number;
  idle?: NodeJS.Timeout;
}

/** What tests count to prove that every lease is given back (descriptors are shared, so counting them cannot). */
export interface FdCacheStats {
  /** Descriptors opened so far. */
  opens: number;
  /** Leases held right now. */
  leases: number;
  /** Descriptors open right now (in use or idle). */
  descriptors: number;
}

export type FdCache<T extends OpenFile> = ReturnType<typeof createFdCache<T>>;

/**
 * Shares one read-only file descriptor per file version among concurrent listeners (reads are
 * positional, so they never disturb each other). Opening and closing a file per request cost about
 * 14 % of the stream route's CPU under load (test/bench/PROFILE.md). A descriptor nobody uses is
 * closed after `idleMs`, so nothing stays open for long.
 */
export function createFdCache<T extends OpenFile>(idleMs = 2000) {
  const entries = new Map<string, Entry<T>>();
  const stats: FdCacheStats = { opens: 0, leases: 0, descriptors: 0 };

  function drop(id: string, entry: Entry<T>) {
    if (entries.get(id) === entry) entries.delete(id);
    entry.file.then(
      ({ fd }) => close(fd, () => stats.descriptors--),
      () => {},
    );
  }

  /** Counts a new user of `current` and gives it its release and invalidate (no spread: hot path). */
  function use(id: string, current: Entry<T>, file: T | undefined): FdLease<T> {
    current.users++;
    stats.leases++;
    clearTimeout(current.idle);
    let released = false;
    let invalid = false;
    const release = () => {
      if (released) return;
      released = true;
      stats.leases--;
      if (--current.users > 0) return;
      if (invalid || entries.get(id) !== current) return drop(id, current);
      current.idle = setTimeout(() => drop(id, current), idleMs);
      current.idle.unref();
    };
    const invalidate = () => {
      invalid = true;
      if (entries.get(id) === current) entries.delete(id);
    };
    return { file: file as T, release, invalidate };
  }

  return {
    /** A lease on `id`'s open descriptor, without waiting; null when none is open yet. */
    lease(id: string): FdLease<T> | null {
      const entry = entries.get(id);
      return entry?.ready ? use(id, entry, entry.ready) : null;
    },
    /** A lease on `id`'s descriptor, opened with `open` when there is none (or it was invalidated). */
    async acquire(id: string, open: () => Promise<T>): Promise<FdLease<T>> {
      let entry = entries.get(id);
      if (!entry) {
        stats.opens++;
        const created: Entry<T> = { file: open(), users: 0 };
        created.file = created.file.then((f) => {
          stats.descriptors++;
          created.ready = f;
          return f;
        });
        entries.set(id, created);
        created.file.catch(() => entries.get(id) === created && entries.delete(id));
        entry = created;
      }
      const handle = use(id, entry, undefined); // its file is set once opened
      try {
        handle.file = await entry.file;
        return handle;
      } catch (error) {
        handle.release();
        throw error;
      }
    },
    stats: (): Readonly<FdCacheStats> => ({ ...stats }),
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
