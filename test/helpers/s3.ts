import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Child } from '../../api/cluster/child.ts';
import { startS3 } from '../../api/cluster/services.ts';
import { createS3Client } from '../../api/storage/s3/s3-client.ts';
import type { S3Settings } from '../../api/storage/s3/s3-settings.ts';
import { freePort } from './free-port.ts';

/** What the S3 server reports (S3_EVENTS=1): requests it got and connections that closed. */
export type S3Event =
  | {
      event: 'request';
      socket: number;
      method: string;
      url: string;
      range?: string;
      authorization?: string;
    }
  | { event: 'close'; socket: number; sent: number };

export interface TestS3 {
  settings: S3Settings;
  process: Child;
  /** Uploads under the settings' prefix; resolves with the object's ETag. */
  put(key: string, bytes: Uint8Array<ArrayBuffer>): Promise<string>;
  /** Every event so far, in order. */
  events: S3Event[];
  /** Resolves with the first event (from now on) that matches. */
  next(match: (event: S3Event) => boolean): Promise<S3Event>;
  close(): Promise<void>;
}

/** A real s3rver process on 127.0.0.1 with a bucket `music`. */
export async function startTestS3(prefix = 'library/'): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), 'tapedeck-s3-'));
  const port = await freePort();
  const child = await startS3(port, directory, 'music', { events: true });
  const events: S3Event[] = [];
  const waiters: { match: (event: S3Event) => boolean; resolve: (event: S3Event) => void }[] = [];
  child.onLine((line) => {
    if (!line.startsWith('{')) return;
    const event = JSON.parse(line) as S3Event;
    events.push(event);
    for (const waiter of [...waiters]) {
      if (!waiter.match(event)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(event);
    }
  });
  const settings: S3Settings = {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    bucket: 'music',
    prefix,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    timeoutMs: 5000,
  };
  const client = createS3Client(settings);
  return {
    settings,
    process: child,
    put: (key, bytes) => client.put(prefix + key, bytes),
    events,
    next: (match) => new Promise((resolve) => waiters.push({ match, resolve })),
    async close() {
      await child.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
