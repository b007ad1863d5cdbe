import { HOME_URLS } from '../../api/lib/first-screen.ts';
import { cardCoverAt } from '../lib/cover-size.ts';
import { peekEarly, startEarly } from '../lib/early-requests.ts';
import type { Album, Page } from '../lib/library-types.ts';

/** The first "Recently added" cards a phone shows whole or in part. */
const FIRST_COVERS = 3;

/**
 * Called by the entry script on a visit of `/`: home's requests start beside `/api/auth/me`
 * instead of after it, and once the albums are known (and no recently played rows come above them)
 * the first cards' covers are preloaded, before the home view has rendered a card.
 */
export function startHomeEarly(): void {
  startEarly(Object.values(HOME_URLS));
  void preloadFirstCovers();
}

async function preloadFirstCovers(): Promise<void> {
  const [plays, added] = await Promise.all([
    peekEarly<{ items: unknown[] }>(HOME_URLS.plays),
    peekEarly<Page<Album>>(HOME_URLS.added),
  ]);
  if (!plays || plays.items.length > 0 || !added) return;
  const covers = added.items.slice(0, FIRST_COVERS).map((album) => cardCoverAt(album.coverUrl));
  await Promise.all(covers.filter((href) => href !== null).map(preload));
}

/** Resolves once the image has loaded (or failed to). */
function preload(href: string): Promise<void> {
  return new Promise((resolve) => {
    // The card's <img> (same URL, no crossorigin) takes this answer from the memory cache.
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'image';
    link.href = href;
    link.fetchPriority = 'high';
    link.onload = link.onerror = () => resolve();
    document.head.append(link);
  });
}
