import { parentPort, workerData } from 'node:worker_threads';
import type { AudioObjectInfo } from '../storage/audio-store.ts';
import { createFsAudioStore } from '../storage/fs-audio-store.ts';
import { readVersionSync } from '../storage/fs-read-version.ts';
import type { ParseJob, ParseOutcome, PoolFolder } from './parse-pool.ts';
import { UndecodableError } from './playable-duration.ts';
import {
  CHANGED_WHILE_SCANNED,
  READ_WHOLE_BYTES,
  readSongFile,
  type SongFile,
  songFileOf,
} from './read-song-file.ts';

/**
 * A parse worker (see parse-pool.ts): reads files of the music folder itself, with the same
 * symlink policy and version check as the server's store, and answers each batch of jobs with one
 * message. Small files (nearly all) are read with synchronous calls: this thread has nothing else
 * to do meanwhile, and a file costs a few syscalls instead of the store's promise-based open.
 */
const folder = workerData as PoolFolder;
const source = createFsAudioStore(folder.root, { followSymlinks: folder.followSymlinks });
const port = parentPort!;

function read(info: AudioObjectInfo, type: string): Promise<SongFile> {
  if (info.size === 0 || info.size > READ_WHOLE_BYTES) return readSongFile(source, info, type);
  const bytes = readVersionSync(folder.root, info.key, info.version);
  if (!bytes) throw new Error(CHANGED_WHILE_SCANNED);
  return songFileOf(bytes, type);
}

port.on('message', async (jobs: ParseJob[]) => {
  const outcomes: ParseOutcome[] = [];
  const pictures: ArrayBuffer[] = [];
  for (const { id, info, type } of jobs) {
    try {
      const file = await read(info, type);
      outcomes.push({ id, file });
      if (file.tags.picture) pictures.push(file.tags.picture.buffer as ArrayBuffer);
    } catch (error) {
      const undecodable = error instanceof UndecodableError;
      outcomes.push({ id, error: String((error as Error)?.message ?? error), undecodable });
    }
  }
  port.postMessage(outcomes, pictures);
});
