import type { Song } from '../../api/catalog/song.ts';

/**
 * Events flow up: controls never touch the audio element or the worker, they dispatch a request and
 * the app shell decides. All bubble and are composed so they cross shadow roots.
 */
export interface TdEventDetails {
  /** Play `song`; the library adds the playable songs it lists as the `queue`. */
  'play-song-request': { song: Song; queue?: Song[] };
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
