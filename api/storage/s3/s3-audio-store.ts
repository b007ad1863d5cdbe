import { Readable } from 'node:stream';
import type { AudioObjectInfo, AudioStore } from '../audio-store.ts';
import { storeError } from '../audio-store.ts';
import type { S3Object } from './list-objects.ts';
import { createS3Client } from './s3-client.ts';
import type { S3Settings } from './s3-settings.ts';

/**
 * Audio in an S3-compatible bucket under a prefix: listed with ListObjectsV2 (paged), read with
 * signed ranged GETs. An object's version is its ETag, which is also the song's ETag: the store
 * computed it from the content, so nothing is downloaded to hash it. A reader that stops early
 * aborts the upstream request.
 */
export function createS3AudioStore(
  settings: S3Settings,
  options: { pageSize?: number } = {},
): AudioStore {
  const client = createS3Client(settings, options);
  const objectKeyOf = (key: string) => {
    if (!isValidKey(key)) throw storeError('s3', `invalid key: ${JSON.stringify(key)}`);
    return settings.prefix + key;
  };

  function toInfo(key: string, object: Omit<S3Object, 'key'>): AudioObjectInfo {
    return {
      key,
      size: object.size,
      mtimeMs: object.lastModified.getTime(),
      version: object.etag,
      etag: object.etag,
    };
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
    async stat(key) {
      if (!isValidKey(key)) return null;
      const object = await client.head(objectKeyOf(key));
      return object ? toInfo(key, object) : null;
    },
    read(key, start, end) {
      const controller = new AbortController();
      const objectKey = objectKeyOf(key);
      async function* pieces() {
        const { body } = await client.getRange(objectKey, start, end, {
          signal: controller.signal,
        });
        yield* body;
      }
      const stream = Readable.from(pieces(), { objectMode: false });
      // The listener left (or the read failed): abort the upstream request, even mid-headers.
      stream.once('close', () => controller.abort(new Error('reader closed')));
      return stream;
    },
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
