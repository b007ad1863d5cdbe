import type { FavouriteKind } from './types.ts';
import type { LibraryView, UserLibrary } from './user-library.ts';

/** The catalog as the per-user routes see it: items by id, with the user's flags set. */
export interface LibraryLookup {
  /** The public Song (with `favourite`), or undefined when it is not (any more) in the catalog. */
  song(id: string, view: LibraryView): { coverUrl: string | null; duration: number } | undefined;
  album(id: string, view: LibraryView): object | undefined;
  artist(id: string, view: LibraryView): object | undefined;
}

export interface UserLibraryDeps {
  library: UserLibrary;
  lookup: LibraryLookup;
  now?: () => number;
}

/** Bodies may carry a whole playlist or queue: 10 000 ids. */
export const MAX_BODY_BYTES = 512 * 1024;

/** Whether `id` names something of `kind` in the catalog. */
export function exists(
  lookup: LibraryLookup,
  kind: FavouriteKind,
  id: string,
  view: LibraryView,
): boolean {
  if (kind === 'songs') return lookup.song(id, view) !== undefined;
  return (kind === 'albums' ? lookup.album(id, view) : lookup.artist(id, view)) !== undefined;
}
