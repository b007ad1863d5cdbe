/**
 * Asks the server for the signed-in user's offline key (`GET /api/auth/offline-key`, session
 * cookie → `{ userId, key: base64url(32 bytes), createdAt }`) and imports it non-extractable.
 * The raw bytes live only for the length of this function.
 */
import type { FetchLike } from './chunk-fetch.ts';
import type { OfflineKey } from './keyring.ts';
import { fromBase64Url, importOfflineKey, keyIdOf } from './seal.ts';

export const OFFLINE_KEY_PATH = '/api/auth/offline-key';

export type KeyAnswer =
  | { status: 'ok'; userId: string; key: OfflineKey }
  /** 401: no valid session; `reason` as the server gave it (`account-removed`, `session-expired`). */
  | { status: 'signed-out'; reason: string | null }
  /** No answer, or not one we understand: keep whatever we hold. */
  | { status: 'unavailable' };

export async function fetchOfflineKey(fetch: FetchLike, baseUrl: string): Promise<KeyAnswer> {
  let response: Response;
  try {
    const init: RequestInit = { credentials: 'same-origin', cache: 'no-store' };
    response = await fetch(new URL(OFFLINE_KEY_PATH, baseUrl).href, {
      ...init,
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    return { status: 'unavailable' };
  }
  if (response.status === 401) return { status: 'signed-out', reason: await reasonOf(response) };
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    return { status: 'unavailable' };
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  const raw = typeof body?.['key'] === 'string' ? fromBase64Url(body['key']) : null;
  const userId = body?.['userId'];
  if (raw?.byteLength !== 32 || typeof userId !== 'string' || userId === '')
    return { status: 'unavailable' };
  const createdAt = typeof body?.['createdAt'] === 'string' ? body['createdAt'] : '';
  const key: OfflineKey = { id: await keyIdOf(raw), key: await importOfflineKey(raw), createdAt };
  raw.fill(0);
  return { status: 'ok', userId, key };
}

/** The `reason` of a 401 JSON body (`{ error, reason }`), or null. Reads a clone. */
export async function reasonOf(response: Response): Promise<string | null> {
  try {
    const body = (await response.clone().json()) as { reason?: unknown } | null;
    return typeof body?.reason === 'string' ? body.reason : null;
  } catch {
    return null;
  }
}
