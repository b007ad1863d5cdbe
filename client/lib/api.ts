import type { Song, SongPage } from '../../api/catalog/song.ts';
import { reportUnauthorized } from './auth-api.ts';

/** A failed API call. `status` is 0 when the network itself failed (offline, server down). */
export class ApiError extends Error {
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.status = status;
  }
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export interface SongQuery {
  q?: string;
  limit?: number;
  offset?: number;
}

/** `GET /api/songs?q=&limit=&offset=`. */
export function fetchSongs(query: SongQuery, signal?: AbortSignal): Promise<SongPage> {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.offset) params.set('offset', String(query.offset));
  const search = params.size > 0 ? `?${params}` : '';
  return getJson<SongPage>(`/api/songs${search}`, signal);
}

/** `GET /api/songs/:id`. */
export function fetchSong(id: string, signal?: AbortSignal): Promise<Song> {
  return getJson<Song>(`/api/songs/${encodeURIComponent(id)}`, signal);
}

/** No service worker controls the page: requests go straight to the network. */
export function reachesNetwork(): boolean {
  return !globalThis.navigator?.serviceWorker?.controller;
}

/** True when the API itself answers `/api/health` (bypassing the HTTP cache). */
export async function pingApi(signal?: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch('/api/health', { cache: 'no-store', signal });
    return response.ok;
  } catch {
    return false;
  }
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('Could not reach the Tapedeck server.', 0);
  }
  if (!response.ok) {
    if (response.status === 401) reportUnauthorized(); // the session controller asks why
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new ApiError(body?.error ?? `The server answered ${response.status}.`, response.status);
  }
  return (await response.json()) as T;
}
