import type { ByteRange } from '../lib/http-semantics/range.ts';
import type { BodyPlan } from '../lib/http-semantics/response-plan.ts';

/** A body as the transports write it: literal bytes (multipart framing) and ranges of the object. */
export type BodyPiece = Uint8Array | ByteRange;

/** The pieces of a `bytes` or `multipart` body, in order, and how many bytes they make. */
export function bodyPieces(body: BodyPlan): { pieces: BodyPiece[]; length: number } {
  if (body.kind === 'bytes') {
    return { pieces: [body.range], length: body.range.end - body.range.start + 1 };
  }
  if (body.kind !== 'multipart') return { pieces: [], length: 0 };
  const pieces: BodyPiece[] = [];
  for (const part of body.plan.parts) pieces.push(part.head, part.range);
  pieces.push(body.plan.tail);
  return { pieces, length: body.plan.contentLength };
}
