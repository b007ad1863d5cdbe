import { truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Song } from '../../api/catalog/song.ts';
import { startTestApi, type TestApi, type Transport } from '../helpers/api-server.ts';
import { bigWav } from '../helpers/big-wav.ts';
import { requestHead, wireExchange } from '../helpers/raw-http.ts';

// 48 MiB: a listener that stops reading leaves the server a few MiB in (loopback buffers), far
// from where the file is cut.
const SONG = bigWav(48 << 20, 1);
const CUT_AT = 24 << 20;

const shapes: [string, Record<string, string>][] = [
  ['200 (no Range)', {}],
  ['single 206 (bytes=0-)', { range: 'bytes=0-' }],
  ['multipart 206', { range: `bytes=0-${30_000_000},${40_000_000}-${40_000_099}` }],
];

describe.each<Transport>(['node', 'fetch'])(
  'a file truncated mid-body, %s transport',
  (transport) => {
    let api: TestApi;
    let song: Song;
    beforeAll(async () => {
      api = await startTestApi({ 'Tests/long.wav': SONG }, 'fs', transport);
      song = api.catalog.entries()[0]!.song;
    }, 60_000);
    afterAll(() => api.close());

    it.each(shapes)('cuts a kept-alive %s instead of ending it short', async (_shape, headers) => {
      const path = join(api.musicDir, 'Tests', 'long.wav');
      const stream = requestHead(song.streamUrl, {
        connection: 'keep-alive',
        cookie: api.cookie,
        ...headers,
      });
      // A second request pipelined behind: if the first body ended short on an open connection,
      // the second answer's bytes would be read as the rest of the first body.
      const next = requestHead('/api/health', { connection: 'keep-alive', cookie: api.cookie });
      const res = await wireExchange(api.port, [stream, next], async () => {
        await truncate(path, CUT_AT);
      });
      const length = Number(res.headers['content-length']);
      expect(res.status, JSON.stringify(res.headers)).toBe(headers.range ? 206 : 200);
      expect(res.closed).toBe(true);
      expect(res.rest.length).toBeLessThan(length);
      expect(res.rest.includes(Buffer.from('HTTP/1.1'))).toBe(false);
      // What did arrive is the song as it was, never bytes of another length or version.
      if (!headers.range) expect(res.rest.equals(SONG.subarray(0, res.rest.length))).toBe(true);
      // Put the song back for the next shape (and let the server's rescan settle on it).
      await import('node:fs/promises').then(({ writeFile }) => writeFile(path, SONG));
      await api.rescan();
      song = api.catalog.entries()[0]!.song;
    });
  },
);
