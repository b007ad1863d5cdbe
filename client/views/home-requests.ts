import { apiUrl } from '../lib/api.ts';
import { cardCoverAt } from '../lib/cover-size.ts';
import { peekEarly, startEarly } from '../lib/early-requests.ts';
import type { Album, Page } from '../lib/library-types.ts';

/** Plays asked for (several plays of one song count once), songs shown, albums per shelf. */
export const RECENT_PLAYS = 30;
export const SHELF = 12;

/** What home asks the server for: home-data.ts fetches these, and only these, URLs. */
export const homeUrls = {
  plays: `/api/plays?limit=${RECENT_PLAYS}`,
  added: apiUrl('/api/albums', { sort: 'added', limit: SHELF }),
  favourites: '/api/favourites',
  playlists: '/api/playlists',
} as const;

/** The first "Recently added" cards a phone shows whole or in part. */
const FIRST_COVERS = 3;

/**
 * Called by the entry script on a visit of `/`: home's requests start beside `/api/auth/me`
 * instead of after it, and once the albums are known (and no recently played rows come above them)
 * the first cards' covers are preloaded, before the home view has rendered a card.
 */
export function startHomeEarly(): void {
  startEarly(Object.values(homeUrls));
  void preloadFirstCovers();
}

async function preloadFirstCovers(): Promise<void> {
  const [plays, added] = await Promise.all([
    peekEarly<{ items: unknown[] }>(homeUrls.plays),
    peekEarly<Page<Album>>(homeUrls.added),
  ]);
  if (!plays || plays.items.length > 0 || !added) return;
  for (const album of added.items.slice(0, FIRST_COVERS)) {
    const href = cardCoverAt(album.coverUrl);
    if (!href) continue;
    // The card's <img> (same URL, no crossorigin) takes this answer from the memory cache.
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'image';
    link.href = href;
    link.fetchPriority = 'high';
    document.head.append(link);
  }
}
