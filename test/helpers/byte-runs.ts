/**
 * Finds runs of a secret's bytes inside stored blobs: the proof that offline copies are ciphertext.
 * Any run of `run` bytes of the secret fully contains one of its blocks of `run / 2` bytes that
 * start at a multiple of `run / 2`; so every such block is indexed, and every position of every
 * blob is looked up. A hit is a shorter run than asked, so zero hits proves the claim.
 */
export interface RunHit {
  /** Which blob (its name as given). */
  blob: string;
  /** Offset of the hit in the blob and in the secret. */
  at: number;
  secretAt: number;
}

export function findSecretRuns(
  secret: Uint8Array,
  blobs: Array<{ name: string; bytes: Uint8Array }>,
  run = 64,
  maxHits = 10,
): RunHit[] {
  const block = Math.floor(run / 2);
  const index = new Map<string, number>();
  const text = Buffer.from(secret.buffer, secret.byteOffset, secret.byteLength).toString('latin1');
  for (let at = 0; at + block <= secret.byteLength; at += block) {
    const key = text.slice(at, at + block);
    if (!index.has(key)) index.set(key, at);
  }
  const hits: RunHit[] = [];
  for (const { name, bytes } of blobs) {
    const blob = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    for (let at = 0; at + block <= blob.length; at++) {
      const secretAt = index.get(blob.slice(at, at + block));
      if (secretAt === undefined) continue;
      hits.push({ blob: name, at, secretAt });
      if (hits.length >= maxHits) return hits;
    }
  }
  return hits;
}
