import { Worker } from 'node:worker_threads';
import type { AudioObjectInfo } from '../storage/audio-store.ts';
import { UndecodableError } from './playable-duration.ts';
import type { SongFile, SongFileReader } from './read-song-file.ts';

/** The fs source the workers read: its folder and symlink policy (see createFsAudioStore). */
export interface PoolFolder {
  root: string;
  followSymlinks: boolean;
}

export interface ParseJob {
  id: number;
  info: AudioObjectInfo;
  type: string;
}

export type ParseOutcome =
  | { id: number; file: SongFile }
  | { id: number; error: string; undecodable: boolean };

export interface ParsePool {
  read: SongFileReader;
  /** Reads to keep in flight to keep every worker busy (a few batches each). */
  readonly capacity: number;
  /** Stops the workers (their memory goes with them); reads still pending are rejected. */
  close(): Promise<void>;
}

/** The built server runs the compiled worker; from sources (tsx, tests) it is started through tsx. */
const WORKER_FILE = import.meta.url.endsWith('.ts') ? './scan-worker-dev.mjs' : './scan-worker.js';

/**
 * Jobs per message, each way: one message per file cost about as much CPU as parsing it (a
 * structured clone, a wake-up of each thread, a task per answer).
 */
const BATCH = 16;

/**
 * Worker threads that read and parse files for a scan, so that music-metadata's per-file cost
 * runs on every core rather than on the server's one thread. Each file goes to the worker with the
 * fewest in flight; jobs are sent in batches (full ones at once, the rest at the end of the
 * current task). If a worker fails (it cannot start, or dies), its files and every later one are
 * read by `fallback` in this thread: a broken pool slows a scan down, it never empties the catalog.
 */
export function createParsePool(
  folder: PoolFolder,
  size: number,
  fallback: SongFileReader,
): ParsePool {
  type Waiting = ParseJob & { resolve: (file: SongFile) => void; reject: (error: Error) => void };
  type Lane = { worker: Worker; pending: Map<number, Waiting>; queued: ParseJob[] };
  let nextId = 0;
  let closed = false;
  let broken = false;
  let flushing = false;

  const send = (lane: Lane) => {
    if (lane.queued.length === 0) return;
    lane.worker.postMessage(lane.queued);
    lane.queued = [];
  };
  const flushSoon = () => {
    if (flushing) return;
    flushing = true;
    setImmediate(() => {
      flushing = false;
      for (const lane of lanes) send(lane);
    });
  };

  const start = (): Lane => {
    const lane: Lane = {
      worker: new Worker(new URL(WORKER_FILE, import.meta.url), { workerData: folder }),
      pending: new Map(),
      queued: [],
    };
    lane.worker.on('message', (outcomes: ParseOutcome[]) => {
      for (const outcome of outcomes) {
        const waiting = lane.pending.get(outcome.id);
        lane.pending.delete(outcome.id);
        if ('file' in outcome) waiting?.resolve(outcome.file);
        else
          waiting?.reject(
            outcome.undecodable ? new UndecodableError(outcome.error) : new Error(outcome.error),
          );
      }
    });
    let dead = false;
    const fail = (error: Error) => {
      if (dead) return;
      dead = true;
      broken ||= !closed;
      for (const waiting of lane.pending.values()) {
        if (closed) waiting.reject(error);
        else fallback(waiting.info, waiting.type).then(waiting.resolve, waiting.reject);
      }
      lane.pending.clear();
      lane.queued = [];
    };
    lane.worker.on('error', fail);
    lane.worker.on('exit', (code) => fail(new Error(`parse worker exited (${code})`)));
    return lane;
  };
  const lanes = Array.from({ length: size }, start);

  return {
    capacity: size * BATCH * 2,
    read(info, type) {
      if (closed) return Promise.reject(new Error('parse pool closed'));
      if (broken) return fallback(info, type);
      const lane = lanes.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      return new Promise<SongFile>((resolve, reject) => {
        const job = { id, info, type } satisfies ParseJob;
        lane.pending.set(id, { ...job, resolve, reject });
        lane.queued.push(job);
        if (lane.queued.length >= BATCH) send(lane);
        else flushSoon();
      });
    },
    async close() {
      closed = true;
      await Promise.all(lanes.map((lane) => lane.worker.terminate()));
    },
  };
}
