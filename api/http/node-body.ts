import type { ServerResponse } from 'node:http';
import type { ByteRange } from '../lib/http-semantics/range.ts';
import type { BodyPlan } from '../lib/http-semantics/response-plan.ts';
import type { AudioObject } from '../storage/audio-store.ts';
import { bodyPieces } from '../stream/body-pieces.ts';

/**
 * Writes a `bytes` or `multipart` body into a Node response, part after part, with the store's
 * fast path (`send`) when it has one and its web stream otherwise. Never ends `res`: `done(error)`
 * tells the caller to cut the connection, `done()` that every byte of the plan was written.
 */
export function writeNodeBody(
  body: BodyPlan,
  object: AudioObject,
  res: ServerResponse,
  done: (error?: Error) => void,
): void {
  const { pieces } = bodyPieces(body);
  let index = 0;
  const finish = (error?: Error) => {
    object.close();
    done(error);
  };
  next();

  function next(error?: Error) {
    if (error) return finish(error);
    for (;;) {
      const piece = pieces[index++];
      if (piece === undefined) return finish();
      if (!(piece instanceof Uint8Array)) return sendRange(object, piece, res, next);
      res.write(piece);
    }
  }
}

function sendRange(
  object: AudioObject,
  { start, end }: ByteRange,
  res: ServerResponse,
  done: (error?: Error) => void,
) {
  if (object.send) return object.send(start, end, res, done);
  pump(object.read(start, end).getReader(), start, end, res).then(() => done(), done);
}

/** A web stream into `res` with backpressure; rejects when it comes out short or `res` closes. */
async function pump(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  start: number,
  end: number,
  res: ServerResponse,
): Promise<void> {
  let left = end - start + 1;
  try {
    for (;;) {
      if (res.destroyed) throw new Error('the listener left');
      const { done, value } = await reader.read();
      if (done) break;
      left -= value.byteLength;
      if (left < 0) throw new Error('the store sent more than asked');
      if (!res.write(value)) await drained(res);
    }
    if (left !== 0) throw new Error(`the store sent ${left} bytes too few`);
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  }
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      res.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      res.off('drain', onDrain);
      reject(new Error('the listener left'));
    };
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}
