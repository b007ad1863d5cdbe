import type { Readable } from 'node:stream';

/** Deterministic pseudo-random bytes: every offset holds a different, checkable value. */
export function patternBytes(size: number, seed = 1): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 255;
  }
  return out;
}

export async function readAll(stream: Readable | AsyncIterable<Uint8Array>): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of stream) pieces.push(Buffer.from(piece as Uint8Array));
  return Buffer.concat(pieces);
}

/** Number of file descriptors this process has open (Linux). */
export async function openFileCount(pid: number | 'self' = 'self'): Promise<number> {
  const { readdir } = await import('node:fs/promises');
  return (await readdir(`/proc/${pid}/fd`)).length;
}

/** Open descriptors of this process that point at files on disk (not sockets, pipes or devices). */
export async function openDiskFileCount(pid: number | 'self' = 'self'): Promise<number> {
  const { readdir, readlink } = await import('node:fs/promises');
  const fds = await readdir(`/proc/${pid}/fd`);
  const targets = await Promise.all(
    fds.map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')),
  );
  return targets.filter((target) => target.startsWith('/') && !target.startsWith('/dev/')).length;
}

/** Descriptors of process `pid` open on files under `dir` (Linux). */
export async function openFilesUnder(pid: number | 'self', dir: string): Promise<number> {
  const { readdir, readlink } = await import('node:fs/promises');
  const fds = await readdir(`/proc/${pid}/fd`);
  const targets = await Promise.all(
    fds.map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')),
  );
  return targets.filter((target) => target.startsWith(`${dir}/`)).length;
}
