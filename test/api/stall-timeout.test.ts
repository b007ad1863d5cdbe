import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Song } from '../../api/catalog/song.ts';
import { startTestApi, type TestApi } from '../helpers/api-server.ts';
import { bigWav } from '../helpers/big-wav.ts';
import { requestHead } from '../helpers/raw-http.ts';

const STALL_MS = 2000;

describe('listeners that take nothing', () => {
  let api: TestApi;
  let song: Song;
  beforeAll(async () => {
    // 64 MiB: far more than loopback socket buffers hold, so the server's writes back up.
    api = await startTestApi({ 'A/long.wav': bigWav(64 << 20, 3) }, 'fs', 'node', {
      timeouts: { stallMs: STALL_MS },
    });
    song = api.catalog.entries()[0]!.song;
  }, 60_000);
  afterAll(() => api.close());

  function open(): Socket {
    const socket = connect(api.port, '127.0.0.1');
    socket.on('connect', () => socket.write(requestHead(song.streamUrl, { cookie: api.cookie })));
    socket.once('data', () => socket.pause());
    return socket;
  }

  /** Reads what the socket still holds until it closes; the total received. */
  function drain(socket: Socket, already: number): Promise<number> {
    return new Promise((resolve) => {
      let received = already;
      socket.on('data', (piece) => (received += piece.length));
      socket.on('close', () => resolve(received));
      socket.resume();
    });
  }

  it('cuts a connection that reads nothing for the stall timeout, and gives its lease back', async () => {
    const socket = open();
    await expect.poll(() => api.descriptors().leases, { timeout: 5000 }).toBeGreaterThan(0);
    // The server gives up on it: the lease goes back, the connection is gone from its side.
    await expect.poll(() => api.descriptors().leases, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => api.connections(), { timeout: 5000 }).toBe(0);
    expect(await drain(socket, 0)).toBeLessThan(song.size);
  });

  it('keeps a listener that keeps reading', async () => {
    // About 5 MiB/s: slow next to loopback, but the kernel wakes the server's writes well within
    // the stall timeout (it does so once a third of its send buffer, up to 4 MiB, is free).
    const socket = open();
    let received = 0;
    let quota = 0;
    socket.on('data', (piece) => {
      received += piece.length;
      quota -= piece.length;
      if (quota <= 0) socket.pause();
    });
    const reading = setInterval(() => {
      quota = 512 * 1024;
      socket.resume();
    }, 100);
    await new Promise((resolve) => setTimeout(resolve, STALL_MS * 3));
    clearInterval(reading);
    expect(received).toBeLessThan(song.size); // still streaming…
    expect(api.descriptors().leases).toBe(1); // …and not cut
    expect(socket.destroyed).toBe(false);
    socket.destroy();
    await expect.poll(() => api.descriptors().leases, { timeout: 5000 }).toBe(0);
  });
});
