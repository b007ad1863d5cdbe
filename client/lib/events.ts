import type { FavouriteKind } from '../../api/user-library/types.ts';
import type { Song } from './library-types.ts';

/**
 * Events flow up: controls never touch the audio element or the worker, they dispatch a request and
 * the app shell decides. All bubble and are composed so they cross shadow roots.
 */
export interface TdEventDetails {
  /** Play `song`; the library adds the playable songs it lists as the `queue`. */
  'play-song-request': { song: Song; queue?: Song[] };
  /** Play `songs` from `index` (or shuffled): an album, an artist, a playlist. */
  'play-list-request': { songs: Song[]; index?: number; shuffle?: boolean };
  /** Show only what can play offline, in every view. */
  'offline-filter-request': { on: boolean };
  /** Mark (or unmark) a song, album or artist as a favourite. */
  'favourite-request': { kind: FavouriteKind; id: string; on: boolean };
  /** Open the "Add to playlist" dialog for `songs`. */
  'add-to-playlist-request': { songs: Song[] };
  /** Open the song's menu at (x, y), viewport pixels. */
  'song-menu-request': { song: Song; x: number; y: number };
  /** Go to one of the app's views (after creating a playlist, deleting one). */
  'navigate-request': { href: string; replace?: boolean };
  /** Change the current URL's query in place (a sort, a tab): no new history entry. */
  'query-request': { changes: Record<string, string | null> };
  /** Move the song at `from` to `to` (a playlist being edited). */
  'reorder-request': { from: number; to: number };
  /** Take the song at `index` out of the list being edited. */
  'remove-at-request': { index: number };
  /** Take up the queue saved on the server ("Pick up where you left off"). */
  'resume-request': undefined;
  /** Say something briefly (a toast). */
  'toast-request': { message: string };
  /** A view's list scrolled: items `first`…`last` are on screen (or nearly). */
  'range-change': { first: number; last: number };
  'play-request': undefined;
  'pause-request': undefined;
  'seek-request': { time: number };
  'next-request': undefined;
  'previous-request': undefined;
  'volume-request': { volume: number };
  'mute-request': { muted: boolean };
  'queue-toggle-request': undefined;
  'queue-jump-request': { index: number };
  'download-request': { song: Song };
  'remove-request': { id: string };
  /** Copy a signed stream link for players without the cookie (mpv, VLC). */
  'copy-link-request': { song: Song };
  'clear-offline-request': undefined;
  'budget-request': { bytes: number };
  'update-request': undefined;
  'search-request': { query: string };
  'close-request': undefined;
  /** The library reached (or failed to reach) the API. */
  'reachability-change': { reachable: boolean };
  /** Songs the library has loaded, so the shell can name them elsewhere (queue, storage panel). */
  'songs-loaded': { songs: Song[] };
}

export type TdEventName = keyof TdEventDetails;

export function emit<K extends TdEventName>(
  target: EventTarget,
  name: K,
  ...detail: TdEventDetails[K] extends undefined ? [] : [TdEventDetails[K]]
): void {
  target.dispatchEvent(new CustomEvent(name, { detail: detail[0], bubbles: true, composed: true }));
}

export type TdEvent<K extends TdEventName> = CustomEvent<TdEventDetails[K]>;
