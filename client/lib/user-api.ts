import type {
  FavouriteKind,
  PlayItem,
  PlaylistDetail,
  PlaylistSummary,
  PlayQueue,
} from '../../api/user-library/types.ts';
import { getJson, sendJson } from './api.ts';
import type { Favourites, Song } from './library-types.ts';

/** The signed-in user's own library (DESIGN.md, "Per user"). */

export type Playlist = PlaylistDetail<Song>;
export type Play = PlayItem<Song>;

export function fetchFavourites(signal?: AbortSignal): Promise<Favourites> {
  return getJson('/api/favourites', signal);
}
export function setFavourite(kind: FavouriteKind, id: string, on: boolean): Promise<void> {
  return sendJson(on ? 'PUT' : 'DELETE', `/api/favourites/${kind}/${encodeURIComponent(id)}`);
}

export function fetchPlaylists(signal?: AbortSignal): Promise<{ items: PlaylistSummary[] }> {
  return getJson('/api/playlists', signal);
}
export function fetchPlaylist(id: string, signal?: AbortSignal): Promise<Playlist> {
  return getJson(`/api/playlists/${encodeURIComponent(id)}`, signal);
}
export function createPlaylist(name: string, songIds: string[]): Promise<Playlist> {
  return sendJson('POST', '/api/playlists', { name, songIds });
}
export function updatePlaylist(
  id: string,
  changes: { name?: string; songIds?: string[] },
): Promise<Playlist> {
  return sendJson('PATCH', `/api/playlists/${encodeURIComponent(id)}`, changes);
}
export function deletePlaylist(id: string): Promise<void> {
  return sendJson('DELETE', `/api/playlists/${encodeURIComponent(id)}`);
}

export function fetchPlays(limit: number, signal?: AbortSignal): Promise<{ items: Play[] }> {
  return getJson(`/api/plays?limit=${limit}`, signal);
}
export function postPlay(songId: string, playedAt: string): Promise<void> {
  return sendJson('POST', '/api/plays', { songId, playedAt });
}

export function fetchQueue(signal?: AbortSignal): Promise<PlayQueue> {
  return getJson('/api/queue', signal);
}
export function putQueue(queue: Omit<PlayQueue, 'updatedAt'>): Promise<void> {
  return sendJson('PUT', '/api/queue', queue);
}
