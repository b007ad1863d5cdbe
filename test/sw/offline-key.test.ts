import { describe, expect, it } from 'vitest';
import { fetchOfflineKey } from '../../sw/offline-key.ts';
import { keyIdOf } from '../../sw/seal.ts';

const ORIGIN = 'https://tapedeck.test';
const raw = new Uint8Array(32).fill(5);
const answer = (response: Response | Error) => async () => {
  if (response instanceof Error) throw response;
  return response;
};
const body = (value: unknown, status = 200) => Response.json(value, { status });

describe('the offline key from the server', () => {
  it('imports a well-formed answer as a non-extractable key named by its hash', async () => {
    const key = Buffer.from(raw).toString('base64url');
    const got = await fetchOfflineKey(answer(body({ userId: 'u1', key, createdAt: 'x' })), ORIGIN);
    expect(got.status).toBe('ok');
    if (got.status !== 'ok') return;
    expect(got.userId).toBe('u1');
    expect(got.key.id).toBe(await keyIdOf(raw));
    expect(got.key.key.extractable).toBe(false);
  });

  it.each([
    ['a key of 16 bytes', { userId: 'u1', key: Buffer.alloc(16).toString('base64url') }],
    ['a key in base64 with + and /', { userId: 'u1', key: `${'+/'.repeat(21)}ab` }],
    ['no user id', { key: Buffer.from(raw).toString('base64url') }],
    ['an empty user id', { userId: '', key: Buffer.from(raw).toString('base64url') }],
    ['not an object', 'key'],
  ])('%s is not a key (nothing changes)', async (_name, value) => {
    expect(await fetchOfflineKey(answer(body(value)), ORIGIN)).toEqual({ status: 'unavailable' });
  });

  it('a 401 says signed out, with the reason; a 5xx or no network changes nothing', async () => {
    const removed = body({ error: 'gone', reason: 'account-removed' }, 401);
    expect(await fetchOfflineKey(answer(removed), ORIGIN)).toEqual({
      status: 'signed-out',
      reason: 'account-removed',
    });
    const plain401 = new Response('no', { status: 401 });
    expect(await fetchOfflineKey(answer(plain401), ORIGIN)).toEqual({
      status: 'signed-out',
      reason: null,
    });
    expect(await fetchOfflineKey(answer(body({}, 503)), ORIGIN)).toEqual({ status: 'unavailable' });
    expect(await fetchOfflineKey(answer(new TypeError('offline')), ORIGIN)).toEqual({
      status: 'unavailable',
    });
  });
});
