import type { LibraryIndex } from './library-index.ts';
import { foldText } from './search-text.ts';

/**
 * Word search over every song's title, artist, album and album artist. All songs' folded text is
 * one string (songs separated by NUL, which no term contains), so each term is found with
 * `indexOf` runs over one block of memory instead of 100 000 small strings, and a match jumps to
 * the next song at once.
 */
export function createSongSearch(index: LibraryIndex) {
  let haystack = '';
  let starts = new Uint32Array(0);
  let built = false;

  function build() {
    const { songs } = index;
    const parts: string[] = [];
    starts = new Uint32Array(songs.length + 1);
    let at = 0;
    for (let i = 0; i < songs.length; i++) {
      starts[i] = at;
      const text = foldText(
        `${songs.title[i]}\u0001${songs.artist[i]}\u0001${songs.album[i] ?? ''}\u0001${songs.albumArtist[i]}`,
      );
      parts.push(text);
      at += text.length + 1;
    }
    starts[songs.length] = at;
    haystack = parts.join('\u0000');
    built = true;
  }

  /** The song containing haystack position `at` (binary search over the starts). */
  function songAt(at: number): number {
    let low = 0;
    let high = starts.length - 2;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  return {
    /** Marks (1) the songs that contain every term. */
    match(terms: readonly string[]): Uint8Array {
      if (!built) build();
      const hits = new Uint8Array(index.songs.length);
      terms.forEach((term, t) => {
        let from = 0;
        for (;;) {
          const at = haystack.indexOf(term, from);
          if (at === -1) break;
          const song = songAt(at);
          if (hits[song] === t) hits[song] = t + 1; // found by every term so far
          from = starts[song + 1]!;
        }
      });
      for (let i = 0; i < hits.length; i++) hits[i] = hits[i] === terms.length ? 1 : 0;
      return hits;
    },
    warm() {
      if (!built) build();
    },
  };
}

export type SongSearch = ReturnType<typeof createSongSearch>;
