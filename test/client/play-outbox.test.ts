import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../client/lib/api.ts';
import { memoryStore } from '../../client/lib/kv-store.ts';
import { type PendingPlay, PlayOutbox } from '../../client/lib/play-outbox.ts';

const play = (n: number): PendingPlay => ({
  songId: `s${n}`,
  playedAt: new Date(n * 1000).toISOString(),
});

describe('PlayOutbox (plays wait for the server, with their own time)', () => {
  it('keeps plays made offline and sends them, oldest first, once the server answers', async () => {
    let online = false;
    const sent: PendingPlay[] = [];
    const send = vi.fn(async (p: PendingPlay) => {
      if (!online) throw new ApiError('Could not reach the Tapedeck server.', 0);
      sent.push(p);
    });
    const store = memoryStore();
    const outbox = new PlayOutbox(store, send);
    await outbox.add(play(1));
    await outbox.add(play(2));
    expect(await outbox.pending()).toEqual([play(1), play(2)]);
    // The tab is closed and opened again later: a new outbox finds them.
    online = true;
    await new PlayOutbox(store, send).flush();
    expect(sent).toEqual([play(1), play(2)]);
    expect(await outbox.pending()).toEqual([]);
  });

  it('drops a play the server refuses, keeps one it could not take now', async () => {
    const send = vi.fn(async (p: PendingPlay) => {
      if (p.songId === 's1') throw new ApiError('songId is not a song of the library', 400);
      if (p.songId === 's2') throw new ApiError('busy', 503);
    });
    const outbox = new PlayOutbox(memoryStore(), send);
    await outbox.add(play(1));
    await outbox.add(play(2));
    expect(await outbox.pending()).toEqual([play(2)]);
  });

  it('keeps each user’s plays apart', async () => {
    const store = memoryStore();
    const outbox = new PlayOutbox(store, () => Promise.reject(new ApiError('offline', 0)), 'u1');
    await outbox.add(play(1));
    outbox.useUser('u2');
    expect(await outbox.pending()).toEqual([]);
  });
});
