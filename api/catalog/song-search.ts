import type { LibraryIndex } from './library-index.ts';
import { foldText } from './search-text.ts';
import { lazy, type Sliced } from './sliced.ts';

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

  function* build(): Sliced<void> {
    const { songs } = index;
    const ids = new Map<string, number>();
    const songsOf: number[][] = [];
    const fold = (text: string) => foldText(text).split(/\s+/).filter(Boolean);
    // Artist, album and album artist repeat from song to song: each is folded once. (Folding each
    // field alone gives the words of the folded "title artist album album-artist".)
    const folded = new Map<string, string[]>();
    const foldOnce = (text: string) => {
      let words = folded.get(text);
      if (!words) {
        words = fold(text);
        folded.set(text, words);
      }
      return words;
    };
    const add = (word: string, row: number) => {
      let id = ids.get(word);
      if (id === undefined) {
        id = songsOf.length;
        ids.set(word, id);
        songsOf.push([]);
      }
      const list = songsOf[id]!;
      if (list[list.length - 1] !== row) list.push(row);
    };
    for (let row = 0; row < songs.length; row++) {
      for (const word of fold(songs.title[row]!)) add(word, row);
      for (const word of foldOnce(songs.artist[row]!)) add(word, row);
      for (const word of foldOnce(songs.album[row] ?? '')) add(word, row);
      for (const word of foldOnce(songs.albumArtist[row]!)) add(word, row);
      if ((row & 255) === 0) yield;
    }
    folded.clear();
    const words = [...ids.keys()];
    ids.clear();
    yield;
    wordStarts = new Uint32Array(words.length + 1);
    let at = 0;
    for (let i = 0; i < words.length; i++) {
      wordStarts[i] = at;
      at += words[i]!.length + 1;
    }
    wordStarts[words.length] = at;
    dictionary = words.join('\u0000');
    yield;
    postingStarts = new Uint32Array(words.length + 1);
    postings = new Uint32Array(songsOf.reduce((sum, list) => sum + list.length, 0));
    let p = 0;
    for (let i = 0; i < songsOf.length; i++) {
      postingStarts[i] = p;
      postings.set(songsOf[i]!, p);
      p += songsOf[i]!.length;
      if ((i & 4095) === 0) yield;
    }
    postingStarts[songsOf.length] = p;
  }
  const built = lazy(build);

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
      built.get();
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
    /** Builds the index slice by slice (see sliced.ts). */
    warm: () => built.slices(),
  };
}

export type SongSearch = ReturnType<typeof createSongSearch>;
