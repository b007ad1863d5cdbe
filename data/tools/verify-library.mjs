#!/usr/bin/env node
// Reads every file under data/music back with music-metadata, checks the tags, the cover and the
// length, and prints the Markdown track list used in data/README.md. Exits 1 on any problem.
// Usage (from the repository root): node data/tools/verify-library.mjs
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFile } from 'music-metadata';

const root = fileURLToPath(new URL('../music/', import.meta.url));
const files = walk(root).sort();
const problems = [];
const rows = [];
for (const file of files) {
  const rel = relative(root, file);
  const { common, format } = await parseFile(file, { duration: true });
  const need = {
    title: common.title,
    artist: common.artist,
    album: common.album,
    track: common.track?.no,
    'track total': common.track?.of,
    year: common.year,
    genre: common.genre?.[0],
  };
  for (const [k, v] of Object.entries(need)) if (!v) problems.push(`${rel}: no ${k}`);
  if (!common.picture?.length) problems.push(`${rel}: no embedded cover`);
  if (!/^[A-Za-z0-9 ._/-]+$/.test(rel)) problems.push(`${rel}: file name is not plain ASCII`);
  const secs = format.duration ?? 0;
  if (secs < 60 || secs > 240) problems.push(`${rel}: ${secs.toFixed(1)} s is outside 1-4 minutes`);
  const ext = rel.split('.').pop();
  rows.push(
    `| ${common.artist} | ${common.album} | ${common.track.no}/${common.track.of} | ${common.title} | ${ext.toUpperCase()} (${describe(format)}) | ${clock(secs)} | ${(statSync(file).size / 1e6).toFixed(2)} MB |`,
  );
}
console.log('| Artist | Album | # | Title | Format | Length | Size |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.error(`${files.length} files checked, all tagged, all with covers.`);

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function describe(f) {
  const kbps = f.bitrate ? `${Math.round(f.bitrate / 1000)} kb/s` : '';
  const ch = f.numberOfChannels === 1 ? 'mono' : 'stereo';
  return [f.codec, kbps, `${(f.sampleRate / 1000).toFixed(f.sampleRate % 1000 ? 2 : 0)} kHz ${ch}`]
    .filter(Boolean)
    .join(', ');
}

function clock(s) {
  return `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;
}
