import { createHash } from 'node:crypto';
import { createMpegFrameWalker, type MpegFrameCount } from './mpeg-frames.ts';

export interface FileDigest {
  /** Strong ETag from the bytes: it changes exactly when the content does. */
  etag: string;
  /** MPEG frames counted in the same pass, when asked for. */
  mpeg: MpegFrameCount | null;
}

/**
 * One pass over a file's bytes: the content hash that becomes its ETag and, for MPEG audio, the
 * frame count that tells a real song from noise. Run only for new or changed files (the scan is
 * incremental), so hashing does not slow every start.
 */
export async function digestFile(
  bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  countMpegFrames: boolean,
): Promise<FileDigest> {
  const hash = createHash('sha256');
  const walker = countMpegFrames ? createMpegFrameWalker() : null;
  for await (const piece of bytes) {
    hash.update(piece);
    walker?.push(piece);
  }
  return { etag: `"${hash.digest('base64url').slice(0, 27)}"`, mpeg: walker?.result() ?? null };
}
