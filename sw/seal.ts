/**
 * AES-GCM sealing of what the worker keeps offline (WebCrypto, in the worker and in Node alike).
 * A sealed value is `IV (12 bytes) ‖ ciphertext ‖ tag (16 bytes)`. The IV is random for every seal,
 * so each stored version of a chunk has its own (a deterministic IV would repeat if a song ever
 * changed under the same ETag, which breaks GCM). Additional data binds the value to where it is
 * kept (see `entryAad`): a sealed chunk copied under another song, version or index does not open.
 */

export const IV_BYTES = 12;
export const TAG_BYTES = 16;
/** What sealing adds to a value: its IV and its tag. */
export const SEAL_OVERHEAD = IV_BYTES + TAG_BYTES;

/** A raw offline key's identity: a hash prefix, safe to store beside what it sealed. */
export async function keyIdOf(raw: Uint8Array<ArrayBuffer>): Promise<string> {
  const label = new TextEncoder().encode('tapedeck offline key id\0');
  const input = new Uint8Array(label.byteLength + raw.byteLength);
  input.set(label);
  input.set(raw, label.byteLength);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', input));
  return toBase64Url(digest.subarray(0, 12));
}

/** Imports 32 raw bytes as a non-extractable AES-GCM key: page scripts can use it, never read it. */
export function importOfflineKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  if (raw.byteLength !== 32) throw new RangeError('an offline key is 32 bytes');
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export async function seal(
  key: CryptoKey,
  plain: Uint8Array<ArrayBuffer>,
  aad: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const params = { name: 'AES-GCM', iv, additionalData: aad };
  const cipher = new Uint8Array(await crypto.subtle.encrypt(params, key, plain));
  const out = new Uint8Array(IV_BYTES + cipher.byteLength);
  out.set(iv);
  out.set(cipher, IV_BYTES);
  return out;
}

/** The plain bytes, or null when the value was tampered with, moved, or sealed under another key. */
export async function open(
  key: CryptoKey,
  sealed: Uint8Array<ArrayBuffer>,
  aad: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (sealed.byteLength < IV_BYTES + TAG_BYTES) return null;
  const iv = sealed.subarray(0, IV_BYTES);
  const params = { name: 'AES-GCM', iv, additionalData: aad };
  try {
    return new Uint8Array(await crypto.subtle.decrypt(params, key, sealed.subarray(IV_BYTES)));
  } catch {
    return null;
  }
}

/** What a stored entry is: a song chunk (raw bytes) or a whole HTTP response (catalog, cover). */
export type EntryKind = 'chunk' | 'response';

/** Additional data for the entry kept under `url`: its kind and its full cache key. */
export function entryAad(kind: EntryKind, url: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`tapedeck/1\0${kind}\0${url}`);
}

export function toBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Null when `text` is not base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
