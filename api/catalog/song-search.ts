import type { LibraryIndex } from './library-index.ts';
import { foldText } from './search-text.ts';

/**
 * Word search over every song's title, artist, album and album artist: a song matches when each
 * term is part of one of its words (terms hold no spaces, so this is exactly "the text contains
 * the term"). Built once per catalog: the distinct words as one string (found with `indexOf`,
 * however many songs share them) and, per word, the songs that have it. A term costs one pass
 * over ~100 000 distinct words plus the songs it matches, not a pass over every song's text.
 */
export function createSongSearch(index: LibraryIndex) {
  let dictionary = '';
  let wordStarts = new Uint32Array(0); // where each word starts in the dictionary, + end
  let postingStarts = new Uint32Array(0); // where each word's songs start in `postings`, + end
  let postings = new Uint32Array(0);
  let built = false;

  function build() {
    const { songs } = index;
    const ids = new Map<string, number>();
    const songsOf: number[][] = [];
    for (let row = 0; row < songs.length; row++) {
      const text = foldText(
        `${songs.title[row]} ${songs.artist[row]} ${songs.album[row] ?? ''} ${songs.albumArtist[row]}`,
      );
      for (const word of text.split(/\s+/)) {
        if (!word) continue;
        let id = ids.get(word);
        if (id === undefined) {
          id = songsOf.length;
          ids.set(word, id);
          songsOf.push([]);
        }
        const list = songsOf[id]!;
        if (list[list.length - 1] !== row) list.push(row);
      }
    }
    const words = [...ids.keys()];
    wordStarts = new Uint32Array(words.length + 1);
    let at = 0;
    words.forEach((word, i) => {
      wordStarts[i] = at;
      at += word.length + 1;
    });
    wordStarts[words.length] = at;
    dictionary = words.join('\u0000');
    postingStarts = new Uint32Array(words.length + 1);
    postings = new Uint32Array(songsOf.reduce((sum, list) => sum + list.length, 0));
    let p = 0;
    songsOf.forEach((list, i) => {
      postingStarts[i] = p;
      postings.set(list, p);
      p += list.length;
    });
    postingStarts[songsOf.length] = p;
    built = true;
  }

  /** The word containing dictionary position `at` (binary search over the starts). */
  function wordAt(at: number): number {
    let low = 0;
    let high = wordStarts.length - 2;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (wordStarts[mid]! <= at) low = mid;
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
          const at = dictionary.indexOf(term, from);
          if (at === -1) break;
          const word = wordAt(at);
          for (let p = postingStarts[word]!; p < postingStarts[word + 1]!; p++) {
            const row = postings[p]!;
            if (hits[row] === t) hits[row] = t + 1; // found by every term so far
          }
          from = wordStarts[word + 1]!;
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
