import { describe, expect, it } from 'vitest';
import {
  entryAad,
  fromBase64Url,
  IV_BYTES,
  importOfflineKey,
  keyIdOf,
  open,
  seal,
  TAG_BYTES,
  toBase64Url,
} from '../../sw/seal.ts';
import { findSecretRuns } from '../helpers/byte-runs.ts';
import { songBytes } from './fake-server.ts';

const raw = (fill: number) => new Uint8Array(32).fill(fill);
const aad = entryAad('chunk', 'https://tapedeck.chunks/s1/%22v1%22/3');

describe('sealing (AES-GCM)', () => {
  it('opens what it sealed; the stored form is IV, ciphertext and tag, with no run of the plain bytes', async () => {
    const key = await importOfflineKey(raw(1));
    const plain = songBytes(256 * 1024);
    const sealed = await seal(key, plain, aad);
    expect(sealed.byteLength).toBe(IV_BYTES + plain.byteLength + TAG_BYTES);
    expect(findSecretRuns(plain, [{ name: 'sealed', bytes: sealed }])).toEqual([]);
    expect(Buffer.compare(Buffer.from((await open(key, sealed, aad))!), Buffer.from(plain))).toBe(
      0,
    );
  });

  it('a fresh IV for every seal: the same chunk sealed twice differs', async () => {
    const key = await importOfflineKey(raw(1));
    const plain = songBytes(1000);
    const a = await seal(key, plain, aad);
    const b = await seal(key, plain, aad);
    expect(
      Buffer.compare(Buffer.from(a.subarray(0, IV_BYTES)), Buffer.from(b.subarray(0, IV_BYTES))),
    ).not.toBe(0);
  });

  it.each([
    [
      'a flipped ciphertext bit',
      (s: Uint8Array) => {
        s[IV_BYTES + 10]! ^= 1;
      },
    ],
    [
      'a flipped IV bit',
      (s: Uint8Array) => {
        s[0]! ^= 0x80;
      },
    ],
    [
      'a flipped tag bit',
      (s: Uint8Array) => {
        s[s.length - 1]! ^= 1;
      },
    ],
  ])('%s does not open', async (_name, tamper) => {
    const key = await importOfflineKey(raw(1));
    const sealed = await seal(key, songBytes(4096), aad);
    tamper(sealed);
    expect(await open(key, sealed, aad)).toBeNull();
  });

  it('a truncated value does not open', async () => {
    const key = await importOfflineKey(raw(1));
    const sealed = await seal(key, songBytes(4096), aad);
    expect(await open(key, sealed.slice(0, sealed.length - 1), aad)).toBeNull();
    expect(await open(key, sealed.slice(0, 20), aad)).toBeNull();
  });

  it.each([
    ['another chunk index', entryAad('chunk', 'https://tapedeck.chunks/s1/%22v1%22/4')],
    ['another version', entryAad('chunk', 'https://tapedeck.chunks/s1/%22v2%22/3')],
    ['another song', entryAad('chunk', 'https://tapedeck.chunks/s2/%22v1%22/3')],
    [
      'a response under the same URL',
      entryAad('response', 'https://tapedeck.chunks/s1/%22v1%22/3'),
    ],
  ])('a chunk moved to %s does not open', async (_name, other) => {
    const key = await importOfflineKey(raw(1));
    const sealed = await seal(key, songBytes(4096), aad);
    expect(await open(key, sealed, other)).toBeNull();
  });

  it('another key does not open it', async () => {
    const sealed = await seal(await importOfflineKey(raw(1)), songBytes(4096), aad);
    expect(await open(await importOfflineKey(raw(2)), sealed, aad)).toBeNull();
  });

  it('the imported key is non-extractable and the id names the key, not its bytes', async () => {
    const key = await importOfflineKey(raw(7));
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    expect(await keyIdOf(raw(7))).toBe(await keyIdOf(raw(7)));
    expect(await keyIdOf(raw(7))).not.toBe(await keyIdOf(raw(8)));
    expect(() => importOfflineKey(new Uint8Array(16))).toThrow(RangeError);
  });

  it('base64url round-trips and refuses other alphabets', () => {
    const bytes = new Uint8Array([0, 255, 62, 63, 250, 1]);
    const text = toBase64Url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect([...fromBase64Url(text)!]).toEqual([...bytes]);
    expect(fromBase64Url('ab+/')).toBeNull();
    expect(fromBase64Url('a')).toBeNull();
  });
});
