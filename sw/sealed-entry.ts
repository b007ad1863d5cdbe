/**
 * How sealed values sit in Cache Storage: the body is seal.ts's `IV ‖ ciphertext ‖ tag`, and one
 * header names the key that sealed it. Nothing else of the original is visible: a cached catalog
 * page or cover keeps its status and headers inside the sealed frame (`frameResponse`).
 */
import type { Keyring, OfflineKey } from './keyring.ts';
import { type EntryKind, entryAad, open, seal } from './seal.ts';

export const SEAL_HEADER = 'X-Tapedeck-Seal';
const FORMAT = '1';

export type OpenedEntry =
  | { status: 'open'; bytes: Uint8Array<ArrayBuffer>; keyId: string }
  /** Stored before sealing existed (migration): the caller may seal it, never serve it as is. */
  | { status: 'plain' }
  /** Tampered, moved, or sealed under a key we no longer hold: treat as missing. */
  | { status: 'unreadable' };

export async function sealEntry(
  key: OfflineKey,
  kind: EntryKind,
  url: string,
  plain: Uint8Array<ArrayBuffer>,
): Promise<Response> {
  const body = await seal(key.key, plain, entryAad(kind, url));
  const headers = {
    'Content-Type': 'application/octet-stream',
    [SEAL_HEADER]: `${FORMAT};${key.id}`,
  };
  return new Response(body, { headers });
}

/** The id of the key that sealed `response`, or null for a plain (legacy) entry. */
export function sealKeyId(response: Response): string | null {
  const value = response.headers.get(SEAL_HEADER);
  if (value === null) return null;
  const [format, id] = value.split(';');
  return format === FORMAT && id ? id : '';
}

export async function openEntry(
  keyring: Keyring,
  kind: EntryKind,
  url: string,
  response: Response,
): Promise<OpenedEntry> {
  const keyId = sealKeyId(response);
  if (keyId === null) return { status: 'plain' };
  const key = keyring.find(keyId);
  if (!key) return { status: 'unreadable' };
  const sealed = new Uint8Array(await response.arrayBuffer());
  const bytes = await open(key.key, sealed, entryAad(kind, url));
  return bytes ? { status: 'open', bytes, keyId } : { status: 'unreadable' };
}

/** A response as bytes: `u32 length ‖ JSON { status, headers } ‖ body`. */
export async function frameResponse(response: Response): Promise<Uint8Array<ArrayBuffer>> {
  const head = new TextEncoder().encode(
    JSON.stringify({ status: response.status, headers: [...response.headers] }),
  );
  const body = new Uint8Array(await response.arrayBuffer());
  const out = new Uint8Array(4 + head.byteLength + body.byteLength);
  new DataView(out.buffer).setUint32(0, head.byteLength);
  out.set(head, 4);
  out.set(body, 4 + head.byteLength);
  return out;
}

/** The response `frameResponse` framed, or null when the bytes are not such a frame. */
export function unframeResponse(bytes: Uint8Array<ArrayBuffer>): Response | null {
  if (bytes.byteLength < 4) return null;
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0);
  if (4 + length > bytes.byteLength) return null;
  try {
    const head = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as {
      status: number;
      headers: [string, string][];
    };
    const body = bytes.subarray(4 + length);
    return new Response(body.byteLength > 0 ? body : null, {
      status: head.status,
      headers: head.headers,
    });
  } catch {
    return null;
  }
}
