import type { Song } from './library-types.ts';

/** A sentence for the listener about why `song` stopped, from the media element's error. */
export function describeMediaError(
  error: MediaError | null,
  song: Song | null,
  decodable: boolean,
  online: boolean,
): string {
  if (song && !decodable) return 'Format not supported by this browser.';
  if (!online) return 'This song is not available offline.';
  switch (error?.code) {
    case 2: // MEDIA_ERR_NETWORK
      return 'The connection dropped while loading this song.';
    case 3: // MEDIA_ERR_DECODE
      return 'This song could not be decoded.';
    case 4: // MEDIA_ERR_SRC_NOT_SUPPORTED: also what a 404 or a failed fetch looks like
      return 'This song could not be loaded.';
    default:
      return 'Playback failed.';
  }
}
