import { reportUnauthorized } from './auth-api.ts';
import { takeEarly } from './early-requests.ts';
import type {
  Album,
  AlbumDetail,
  AlbumSort,
  Artist,
  ArtistDetail,
  ArtistSort,
  Genre,
  Page,
  Song,
  SongSort,
} from './library-types.ts';

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

type Params = Record<string, string | number | boolean | null | undefined>;

export interface SongQuery {
  q?: string;
  albumId?: string;
  artistId?: string;
  genre?: string;
  favourite?: boolean;
  sort?: SongSort;
  limit?: number;
  offset?: number;
}

export interface AlbumQuery {
  q?: string;
  artistId?: string;
  genre?: string;
  sort?: AlbumSort;
  limit?: number;
  offset?: number;
}

export interface ArtistQuery {
  q?: string;
  sort?: ArtistSort;
  limit?: number;
  offset?: number;
}

/**
 * `path?a=1&b=2` with empty values and defaults left out and keys sorted: one request has one URL,
 * so the worker's copy of a page is found again offline.
 */
export function apiUrl(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (key === 'offset' && value === 0) continue;
    if (key === 'sort' && value === 'default') continue;
    search.set(key, String(value));
  }
  return search.size > 0 ? `${path}?${search}` : path;
}

/** `GET /api/songs` with search, filters, sort and paging. */
export function fetchSongs(query: SongQuery, signal?: AbortSignal): Promise<Page<Song>> {
  return getJson(apiUrl('/api/songs', { ...query }), signal);
}
export function fetchSong(id: string, signal?: AbortSignal): Promise<Song> {
  return getJson(`/api/songs/${encodeURIComponent(id)}`, signal);
}
export function fetchAlbums(query: AlbumQuery, signal?: AbortSignal): Promise<Page<Album>> {
  return getJson(apiUrl('/api/albums', { ...query }), signal);
}
export function fetchAlbum(id: string, signal?: AbortSignal): Promise<AlbumDetail> {
  return getJson(`/api/albums/${encodeURIComponent(id)}`, signal);
}
export function fetchArtists(query: ArtistQuery, signal?: AbortSignal): Promise<Page<Artist>> {
  return getJson(apiUrl('/api/artists', { ...query }), signal);
}
export function fetchArtist(id: string, signal?: AbortSignal): Promise<ArtistDetail> {
  return getJson(`/api/artists/${encodeURIComponent(id)}`, signal);
}
export function fetchGenres(signal?: AbortSignal): Promise<{ items: Genre[] }> {
  return getJson('/api/genres', signal);
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

export function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return request<T>(url, { signal, headers: { accept: 'application/json' } });
}

/** A state-changing call: JSON body (the server refuses others), JSON or empty answer. */
export function sendJson<T = void>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  return request<T>(url, {
    method,
    signal,
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function request<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    // A GET the entry script started already (early-requests.ts) is not asked twice.
    const early = init.method === undefined ? takeEarly(url) : null;
    response = await (early ?? fetch(url, init));
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError('Could not reach the Tapedeck server.', 0);
  }
  if (!response.ok) {
    if (response.status === 401) reportUnauthorized(); // the session controller asks why
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new ApiError(body?.error ?? `The server answered ${response.status}.`, response.status);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
