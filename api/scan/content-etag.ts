import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * A strong ETag from the file's bytes, so it changes exactly when the content does. Computed only
 * for new or changed files (the scan is incremental), so hashing does not slow every start.
 */
export async function contentEtagOf(bytes: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of bytes) hash.update(piece as Uint8Array);
  return `"${hash.digest('base64url').slice(0, 27)}"`;
}
