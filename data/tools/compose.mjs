#!/usr/bin/env node
// Writes one Standard MIDI File per song plus songs.tsv (the tags build-library.sh needs).
// Deterministic: the same script always writes the same bytes.
// Usage: node data/tools/compose.mjs <out-dir> [slug ...]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { arrangeSong } from './arrange.mjs';
import { PPQ, writeSmf } from './midi.mjs';
import { SONGS } from './songs.mjs';

const [outDir = '/tmp/tapedeck-build', ...only] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });

const rows = [];
for (const song of SONGS) {
  const total = SONGS.filter((s) => s.album === song.album).length;
  rows.push(
    [
      song.slug,
      song.format,
      song.artist,
      song.album,
      song.title,
      song.fileTitle ?? song.title,
      song.track,
      total,
      song.year,
      song.genre,
      song.loudness ?? -14,
    ].join('\t'),
  );
  if (only.length && !only.includes(song.slug)) continue;
  const tracks = arrangeSong(song);
  const bytes = writeSmf(tracks);
  writeFileSync(join(outDir, `${song.slug}.mid`), bytes);
  const lastTick = Math.max(...tracks.flatMap((t) => t.events.map((e) => e.tick)));
  const seconds = ((lastTick / PPQ) * 60) / song.bpm;
  console.log(`${song.slug}.mid  ${bytes.length} bytes  ~${seconds.toFixed(0)} s`);
}
writeFileSync(join(outDir, 'songs.tsv'), `${rows.join('\n')}\n`);
