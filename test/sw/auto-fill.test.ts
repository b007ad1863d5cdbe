import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, chunkCount } from '../../sw/chunks.ts';
import { expectBytes, songBytes } from './fake-server.ts';
import { createHarness } from './harness.ts';

const K = CHUNK_SIZE;
const SIZE = 8 * K + 123;

function setup(options: Parameters<typeof createHarness>[0] = {}) {
  const h = createHarness(options);
  const song = songBytes(SIZE);
  h.server.addSong('s1', song, '"v1"', 'audio/mpeg');
  /** What a media element does: asks, reads the first bytes, and goes away (3 s of play). */
  const play = async (media: boolean) => {
    const request = new Request(h.server.url('s1'), { headers: { Range: 'bytes=0-' } });
    const { response } = h.sw.handleStream(request, { media });
    const reader = (await response).body!.getReader();
    await reader.read();
    await reader.cancel();
  };
  return { h, song, play };
}

async function waitUntil(condition: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the worker keeps a song whoever plays it', () => {
  it('a media request alone (no NOW_PLAYING) fills the whole song in the background', async () => {
    const { h, song, play } = setup();
    await play(true);
    await waitUntil(
      () => h.sw.index.stateOf('s1', false).status === 'complete',
      'the song to be complete',
    );
    h.server.state.online = false;
    expectBytes(
      (await h.get('s1', { Range: `bytes=${Math.floor(SIZE * 0.8)}-` })).bytes,
      song.slice(Math.floor(SIZE * 0.8)),
    );
  });

  it('once per song: more media requests meanwhile fetch no chunk twice', async () => {
    const { h, play } = setup();
    h.server.state.delayMs = 5;
    await play(true); // first contact (concurrent first contacts each probe: not this test's point)
    await Promise.all([play(true), play(true)]);
    await waitUntil(() => h.sw.index.stateOf('s1', false).status === 'complete', 'complete');
    await h.sw.loader.idle();
    const ranges = h.ranges();
    expect(new Set(ranges).size).toBe(ranges.length);
    expect(ranges).toHaveLength(chunkCount(SIZE));
  });

  it('a request that is not from a media element does not start it', async () => {
    const { h, play } = setup();
    await play(false);
    await h.sw.loader.idle();
    await new Promise((resolve) => setTimeout(resolve, 50)); // a fill would have asked by now
    expect(h.sw.downloader.isDownloading('s1')).toBe(false);
    expect(h.sw.index.stateOf('s1', false).status).toBe('partial');
  });

  it('a worker that holds no key yet asks for it (the session is valid), then keeps the song', async () => {
    const { h, play } = setup({ signedIn: false });
    await play(true);
    await waitUntil(() => h.sw.index.stateOf('s1', false).status === 'complete', 'complete');
    expect(h.server.state.keyRequests).toBe(1);
    expect(h.messages.filter((m) => m.type === 'CACHE_ERROR')).toEqual([]);
  });

  it('without a session nothing is kept and the page is told nothing', async () => {
    const { h, play } = setup({ signedIn: false });
    h.server.state.session = null;
    await play(true).catch(() => {});
    await h.sw.loader.idle();
    expect(h.messages.filter((m) => m.type === 'CACHE_ERROR')).toEqual([]);
    expect(h.caches.urls('tapedeck-chunks')).toEqual([]);
  });
});
