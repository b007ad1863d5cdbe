/**
 * The transports' own guard, under any store: a body that comes out shorter (or longer) than the
 * plan says is cut, never ended. The store here ends its stream early without an error, which no
 * real store should do; the writers must not trust that.
 */
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { listen } from '../../../api/http/listen.ts';
import { writeNodeBody } from '../../../api/http/node-body.ts';
import type { BodyPlan } from '../../../api/lib/http-semantics/response-plan.ts';
import type { AudioObject } from '../../../api/storage/audio-store.ts';
import { bodyPieces } from '../../../api/stream/body-pieces.ts';
import { createWebBody } from '../../../api/stream/web-body.ts';
import { readAll } from '../../helpers/bytes.ts';
import { requestHead, wireExchange } from '../../helpers/raw-http.ts';

/** Reads give `shortBy` bytes fewer than asked (negative: more), then end cleanly. */
function sloppyObject(shortBy: number) {
  const state = { closed: 0 };
  const object: AudioObject = {
    read(start, end) {
      const bytes = new Uint8Array(Math.max(0, end - start + 1 - shortBy)).fill(7);
      return new ReadableStream({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      });
    },
    close: () => void state.closed++,
  };
  return { object, state };
}

const bytes: BodyPlan = { kind: 'bytes', range: { start: 0, end: 9999 } };

describe('web body (h3 route, any runtime)', () => {
  it.each([
    ['short', 10],
    ['long', -10],
  ])('errors on a %s body instead of ending it, and closes the object once', async (_n, by) => {
    const { object, state } = sloppyObject(by);
    const { pieces, length } = bodyPieces(bytes);
    let ended: unknown = 'not yet';
    const body = createWebBody(pieces, length, object, (error) => (ended = error));
    await expect(readAll(body)).rejects.toThrow(/body came out/);
    expect(ended).toBeInstanceOf(Error);
    expect(state.closed).toBe(1);
  });

  it('ends a body of exactly the planned length', async () => {
    const { object, state } = sloppyObject(0);
    const { pieces, length } = bodyPieces(bytes);
    let ended: unknown = 'not yet';
    const body = createWebBody(pieces, length, object, (error) => (ended = error));
    expect((await readAll(body)).length).toBe(10_000);
    expect(ended).toBeUndefined();
    expect(state.closed).toBe(1);
  });
});

describe('Node body writer (stores without a fast path)', () => {
  it.each([
    ['short', 10],
    ['long', -10],
  ])('cuts a kept-alive connection on a %s body', async (_n, by) => {
    const { object, state } = sloppyObject(by);
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-length': '10000', connection: 'keep-alive' });
      writeNodeBody(bytes, object, res, (error) => (error ? res.destroy() : res.end()));
    });
    const port = Number(new URL(await listen(server, 0, '127.0.0.1')).port);
    try {
      const res = await wireExchange(port, [requestHead('/a'), requestHead('/b')]);
      expect(res.closed).toBe(true);
      expect(res.rest.length).toBeLessThanOrEqual(10_000);
      expect(res.rest.includes(Buffer.from('HTTP/1.1'))).toBe(false);
      expect(state.closed).toBeGreaterThanOrEqual(1);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
