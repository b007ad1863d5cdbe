import { s3Stats } from './setup.ts';

export interface ListenerResult {
  listeners: number;
  getsPerListener: number;
  /** Bytes read from the store per listener, as a share of the song's size. */
  songsPerListener: number;
  errors: number;
}

/**
 * `listeners` play the same song at once (a full GET each, as `<audio>` starts with `bytes=0-`)
 * through `urls` in turn; what the object store served meanwhile, per listener.
 */
export async function runListeners(
  urls: string[],
  size: number,
  listeners: number,
  s3Port: number,
  cookie: string,
): Promise<ListenerResult> {
  const before = await s3Stats(s3Port);
  let errors = 0;
  await Promise.all(
    Array.from({ length: listeners }, async (_, i) => {
      const response = await fetch(urls[i % urls.length]!, { headers: { cookie } });
      const body = await response.arrayBuffer();
      if (response.status !== 200 || body.byteLength !== size) errors++;
    }),
  );
  const after = await s3Stats(s3Port);
  return {
    listeners,
    getsPerListener: (after.gets - before.gets) / listeners,
    songsPerListener: (after.bytes - before.bytes) / size / listeners,
    errors,
  };
}
