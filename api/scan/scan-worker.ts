import { parentPort, workerData } from 'node:worker_threads';
import { createFsAudioStore } from '../storage/fs-audio-store.ts';
import type { ParseJob, ParseOutcome, PoolFolder } from './parse-pool.ts';
import { UndecodableError } from './playable-duration.ts';
import { readSongFile } from './read-song-file.ts';

/**
 * A parse worker (see parse-pool.ts): reads files of the music folder through its own fs store,
 * with the same symlink policy and version check as the server's, and answers what it found.
 */
const folder = workerData as PoolFolder;
const source = createFsAudioStore(folder.root, { followSymlinks: folder.followSymlinks });
const port = parentPort!;

port.on('message', async ({ id, info, type }: ParseJob) => {
  let outcome: ParseOutcome;
  try {
    outcome = { id, file: await readSongFile(source, info, type) };
  } catch (error) {
    const undecodable = error instanceof UndecodableError;
    outcome = { id, error: String((error as Error)?.message ?? error), undecodable };
  }
  const picture = 'file' in outcome ? outcome.file.tags.picture : null;
  port.postMessage(outcome, picture ? [picture.buffer as ArrayBuffer] : []);
});
