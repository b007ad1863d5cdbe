import type { OfflineState } from '../../sw/protocol.ts';
import type { Song } from '../lib/library-types.ts';

/**
 * Hearts set or taken off in this session, by `kind:id`: they win over the `favourite` flag the
 * item came with from the server (which may be older), until the next answer agrees.
 */
export type FavouriteChanges = ReadonlyMap<string, boolean>;

/**
 * What every view needs from the shell, in one immutable object (a new one whenever anything in it
 * changes, so views re-render): connectivity, what the worker keeps, what plays, the filter.
 */
export interface ViewContext {
  /** Songs can come from the network; when false only songs kept offline play. */
  online: boolean;
  /** Connectivity and offline states are settled: rows may show (see td-app). */
  ready: boolean;
  /** Offline state per song id, from the worker. */
  states: ReadonlyMap<string, OfflineState>;
  /** Details of the songs kept offline, to rebuild views without the server. */
  offlineSongs: ReadonlyMap<string, Song>;
  /** "Available offline": show only what can play without the network. */
  offlineOnly: boolean;
  currentId: string | null;
  playing: boolean;
  /** Bumped when the worker takes control: views re-fetch quietly, through it. */
  epoch: number;
  favourites: FavouriteChanges;
  /** The query string of the current URL (search text, sort). */
  query: URLSearchParams;
  /** Who is signed in (the listeners page is for admins). */
  user: { id: string; admin: boolean } | null;
}

/** Whether `id` is a favourite: a change made in this session, else the item's own flag. */
export function isFavourite(
  ctx: Pick<ViewContext, 'favourites'>,
  kind: 'songs' | 'albums' | 'artists',
  id: string,
  flag: boolean | undefined,
): boolean {
  return ctx.favourites.get(`${kind}:${id}`) ?? flag === true;
}
