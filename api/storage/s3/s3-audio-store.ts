import type { AudioObject, AudioObjectInfo, AudioStore } from '../audio-store.ts';
import { StaleObjectError, storeError } from '../audio-store.ts';
import { isStoreUnavailable } from '../store-unavailable.ts';
import type { S3Object } from './list-objects.ts';
import { createS3Client, type S3Client } from './s3-client.ts';
import type { S3Settings } from './s3-settings.ts';

/** How long a HEAD's answer vouches for an object's version (a listener's next ranges reuse it). */
const VERIFIED_MS = 1000;
const VERIFIED_LIMIT = 10_000;

/**
 * Audio in an S3-compatible bucket under a prefix: listed with ListObjectsV2 (paged), read with
 * signed ranged GETs. An object's version is its ETag, which is also the song's ETag: the store
 * computed it from the content, so nothing is downloaded to hash it. `open` checks the version
 * with a HEAD (before any header is sent, so a store failure is still a clean 502/504); every read
 * sends If-Match and checks the answer's ETag too (s3rver ignores If-Match), so a replaced object
 * is never served under the old validators. A reader that stops early aborts the upstream request.
 */
export interface S3AudioStore extends AudioStore {
  /** Reads whose upstream request is open right now. */
  inFlight(): number;
}

export function createS3AudioStore(
  settings: S3Settings,
  options: { pageSize?: number } = {},
): S3AudioStore {
  const client = createS3Client(settings, options);
  const verified = new Map<string, { info: AudioObjectInfo | null; at: number }>();
  const reads = { open: 0 };
  const objectKeyOf = (key: string) => {
    if (!isValidKey(key)) throw storeError('s3', `invalid key: ${JSON.stringify(key)}`);
    return settings.prefix + key;
  };

  async function stat(key: string): Promise<AudioObjectInfo | null> {
    if (!isValidKey(key)) return null;
    const object = await client.head(objectKeyOf(key));
    const info = object ? toInfo(key, object) : null;
    if (verified.size >= VERIFIED_LIMIT) verified.clear();
    verified.set(key, { info, at: Date.now() });
    return info;
  }

  return {
    name: 's3',
    async list() {
      const infos: AudioObjectInfo[] = [];
      let token: string | undefined;
      do {
        const page = await client.listPage(token);
        for (const object of page.objects) {
          const key = object.key.slice(settings.prefix.length);
          if (object.key.startsWith(settings.prefix) && isValidKey(key)) {
            infos.push(toInfo(key, object));
          }
        }
        token = page.next ?? undefined;
      } while (token);
      return infos;
    },
    stat,
    async open(key, version) {
      const recent = verified.get(key);
      const info = recent && Date.now() - recent.at < VERIFIED_MS ? recent.info : await stat(key);
      if (info?.version !== version) return null;
      const objectKey = objectKeyOf(key);
      const read = { client, objectKey, version, reads, onStale: () => verified.delete(key) };
      return {
        read: (start, end, signal) => readRange(read, start, end, signal),
        close() {},
      } satisfies AudioObject;
    },
    inFlight: () => reads.open,
  };
}

interface RangeRead {
  client: S3Client;
  objectKey: string;
  version: string;
  reads: { open: number };
  /** The object turned out to be another version: forget that it was verified. */
  onStale(): void;
}

/** Bytes `start..end` of one version of an object, fetched when first pulled. */
function readRange(
  { client, objectKey, version, reads, onStale }: RangeRead,
  start: number,
  end: number,
  signal?: AbortSignal,
): ReadableStream<Uint8Array> {
  const abort = new AbortController();
  const stop = () => abort.abort(signal?.reason);
  signal?.addEventListener('abort', stop, { once: true });
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  let finished = false;
  reads.open++;
  const finish = () => {
    if (finished) return;
    finished = true;
    reads.open--;
    signal?.removeEventListener('abort', stop);
  };
  if (signal?.aborted) stop();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!reader) {
            const range = await client.getRange(objectKey, start, end, {
              signal: abort.signal,
              ifMatch: version,
            });
            reader = range.body.getReader();
            if (range.etag !== version) {
              throw new StaleObjectError('s3', `${objectKey} is ${range.etag} now, not ${version}`);
            }
          }
          const { done, value } = await reader.read();
          if (done) {
            finish();
            controller.close();
          } else controller.enqueue(value);
        } catch (error) {
          finish();
          abort.abort(error);
          const changed = isStoreUnavailable(error) && error.upstreamStatus === 412;
          const stale = changed ? new StaleObjectError('s3', `${objectKey} changed`) : error;
          if (stale instanceof StaleObjectError) onStale();
          controller.error(stale);
        }
      },
      async cancel(reason) {
        finish();
        abort.abort(reason);
        await reader?.cancel(reason).catch(() => {}); // already errored by the abort
      },
    },
    { highWaterMark: 0 },
  );
}

function toInfo(key: string, object: Omit<S3Object, 'key'>): AudioObjectInfo {
  return {
    key,
    size: object.size,
    mtimeMs: object.lastModified.getTime(),
    version: object.etag,
    etag: object.etag,
  };
}

/**
 * Keys are relative POSIX paths: non-empty segments, no `.` or `..`, no NUL. Objects whose names
 * are not (a `a//b` key, folder markers) are not part of the library.
 */
function isValidKey(key: string): boolean {
  return (
    key.length > 0 &&
    key.length <= 1024 &&
    !key.includes('\0') &&
    key.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
  );
}
