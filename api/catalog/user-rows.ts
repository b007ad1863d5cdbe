import type { LibraryIndex } from './library-index.ts';
import type { UserView } from './user-view.ts';

export type PlayedSort = 'recently-played' | 'most-played';

/** What the song queries derive from one listener's view against one catalog. */
export interface UserRows {
  /** The rows of the songs played, in `sort`'s order. Shared: never write into it. */
  played(sort: PlayedSort): Uint32Array;
  /**
   * The favourite songs' rows in `order` (a song order of this catalog, named `name`), so a page
   * of favourites is a slice, not a walk over every song. Shared: never write into it.
   */
  favouritesIn(name: string, order: Uint32Array): Uint32Array;
}

const made = new WeakMap<UserView, WeakMap<LibraryIndex, UserRows>>();

/**
 * Each part made at most once per view and catalog: the per-user library hands out a new view
 * object after every change of that user's library and the catalog a new index after every
 * rescan, so (view, index) is "this user at this library revision, this catalog version", and both
 * weak keys let a replaced one go. A page of favourites or of most played is then a slice of a
 * kept order, not a 100 000-row mask, a walk over every song or a sort of every play.
 */
export function userRows(index: LibraryIndex, view: UserView): UserRows {
  let byIndex = made.get(view);
  if (!byIndex) {
    byIndex = new WeakMap();
    made.set(view, byIndex);
  }
  let rows = byIndex.get(index);
  if (!rows) {
    rows = makeUserRows(index, view);
    byIndex.set(index, rows);
  }
  return rows;
}

function makeUserRows(index: LibraryIndex, view: UserView): UserRows {
  /** 1 at the row of each favourite song still in the catalog. */
  let mask: Uint8Array | undefined;
  const orders = new Map<PlayedSort, Uint32Array>();
  const favouriteOrders = new Map<string, Uint32Array>();
  const favouriteMask = () => {
    if (!mask) {
      mask = new Uint8Array(index.songs.length);
      for (const id of view.favourites.songs) {
        const row = index.songById.get(id);
        if (row !== undefined) mask[row] = 1;
      }
    }
    return mask;
  };
  return {
    favouritesIn(name, order) {
      let kept = favouriteOrders.get(name);
      if (!kept) {
        const marked = favouriteMask();
        kept = order.filter((row) => marked[row] === 1);
        favouriteOrders.set(name, kept);
      }
      return kept;
    },
    played(sort) {
      let order = orders.get(sort);
      if (!order) {
        const played = [...view.plays.entries()]
          .map(([id, plays]) => ({ row: index.songById.get(id), ...plays }))
          .filter((p): p is typeof p & { row: number } => p.row !== undefined)
          .sort((x, y) =>
            sort === 'most-played'
              ? y.count - x.count || y.lastPlayedAt - x.lastPlayedAt
              : y.lastPlayedAt - x.lastPlayedAt,
          );
        order = Uint32Array.from(played, (p) => p.row);
        orders.set(sort, order);
      }
      return order;
    },
  };
}
