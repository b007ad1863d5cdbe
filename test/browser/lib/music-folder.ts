import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { REPO_ROOT } from './tapedeck-server.ts';

/** Paths of songs in the repository's data/music, relative to it. */
export const LIBRARY = {
  neonHarbor: 'Velvet Meridian/Neon Harbor/01 - Neon Harbor.mp3',
  midnightSignal: 'Velvet Meridian/Neon Harbor/02 - Midnight Signal.mp3',
  glassCity: 'Velvet Meridian/Neon Harbor/03 - Glass City.mp3',
  slowLights: 'Velvet Meridian/Neon Harbor/04 - Slow Lights.mp3',
} as const;

export interface MusicFolder {
  readonly dir: string;
  /** The bytes of a file in this folder. */
  read(path: string): Buffer;
  /** Overwrites `path` in this folder with the bytes of `fromLibrary` (a data/music path). */
  replace(path: string, fromLibrary: string): void;
  remove(): void;
}

/** A temporary music folder holding copies of `paths` from data/music, at the same paths. */
export function createMusicFolder(paths: readonly string[]): MusicFolder {
  const dir = mkdtempSync(join(tmpdir(), 'tapedeck-music-'));
  const library = (path: string) => resolve(REPO_ROOT, 'data/music', path);
  const copy = (from: string, to: string) => {
    mkdirSync(dirname(join(dir, to)), { recursive: true });
    copyFileSync(library(from), join(dir, to));
  };
  for (const path of paths) copy(path, path);
  return {
    dir,
    read: (path) => readFileSync(join(dir, path)),
    replace: (path, fromLibrary) => copy(fromLibrary, path),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
