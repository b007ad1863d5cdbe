import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeMp3 } from '../../helpers/mp3-fixture.ts';

export interface LibraryShape {
  artists: number;
  albumsPerArtist: number;
  tracksPerAlbum: number;
}

export const FULL_LIBRARY: LibraryShape = {
  artists: 1000,
  albumsPerArtist: 10,
  tracksPerAlbum: 10,
};

const WORDS = [
  'amber',
  'blue',
  'café',
  'dawn',
  'echo',
  'fjord',
  'glass',
  'harbor',
  'iris',
  'jade',
  'kettle',
  'lantern',
  'mirror',
  'neon',
  'ocean',
  'paper',
  'quiet',
  'river',
  'salt',
  'thyme',
  'umber',
  'velvet',
  'winter',
  'xylo',
  'yellow',
  'zéro',
  'night',
  'signal',
  'field',
  'road',
];
const GENRES = [
  'Rock',
  'Jazz',
  'Folk',
  'Synthpop',
  'Ambient',
  'Soul',
  'Blues',
  'Classical',
  'Hip-Hop',
  'Électronique',
];

/** A deterministic phrase of `count` words for number `n` (same n, same words, every run). */
function words(n: number, count: number): string {
  const out: string[] = [];
  let x = (n * 2654435761) >>> 0;
  for (let i = 0; i < count; i++) {
    out.push(WORDS[x % WORDS.length]!);
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
  }
  return out.join(' ');
}

/**
 * Writes a library of tiny tagged MP3s (about 4.5 KB each: one second of silent frames behind an
 * ID3v2.4 tag) under `dir` as Artist/Album/NN - Title.mp3, deterministically. Every tenth album is
 * a two-disc set, every hundredth a compilation; songs carry one or two genres.
 */
export async function generateLibrary(dir: string, shape: LibraryShape): Promise<number> {
  let written = 0;
  const pending: Promise<void>[] = [];
  for (let a = 0; a < shape.artists; a++) {
    const artist = `Artist ${String(a).padStart(4, '0')} ${words(a, 2)}`;
    for (let b = 0; b < shape.albumsPerArtist; b++) {
      const albumNumber = a * shape.albumsPerArtist + b;
      const album = `${words(albumNumber + 7, 3)} ${albumNumber}`;
      const folder = join(dir, safe(artist), safe(album));
      await mkdir(folder, { recursive: true });
      const compilation = albumNumber % 100 === 99;
      for (let t = 0; t < shape.tracksPerAlbum; t++) {
        const n = albumNumber * shape.tracksPerAlbum + t;
        const discs = albumNumber % 10 === 9 ? 2 : 1;
        const perDisc = Math.ceil(shape.tracksPerAlbum / discs);
        const title = `${words(n + 13, 3)} ${n}`;
        const bytes = makeMp3({
          title,
          artist: compilation ? `Guest ${n % 500}` : artist,
          albumArtist: compilation ? undefined : artist,
          compilation,
          album,
          track: `${(t % perDisc) + 1}/${perDisc}`,
          disc: `${Math.floor(t / perDisc) + 1}/${discs}`,
          year: String(1960 + (albumNumber % 64)),
          genres: n % 3 === 0 ? [GENRES[a % 10]!, GENRES[(a + b) % 10]!] : [GENRES[a % 10]!],
        });
        const name = `${String(t + 1).padStart(2, '0')} - ${safe(title)}.mp3`;
        pending.push(writeFile(join(folder, name), bytes));
        written++;
        if (pending.length >= 64) await Promise.all(pending.splice(0));
      }
    }
  }
  await Promise.all(pending);
  return written;
}

function safe(name: string): string {
  return name.replaceAll('/', '_');
}
