import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFile } from 'music-metadata';

/**
 * The peer of the library benchmark: walk the folder and read every file's tags with
 * music-metadata, four at a time, and nothing else (no hashing, no catalog, no server). What any
 * scanner built on music-metadata pays at least. Prints `{ files, ms }`.
 */
const root = process.argv[2]!;
const started = performance.now();
const files: string[] = [];
const pending = [root];
while (pending.length > 0) {
  const dir = pending.pop()!;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) pending.push(join(dir, entry.name));
    else if (entry.name.endsWith('.mp3')) files.push(join(dir, entry.name));
  }
}
let next = 0;
await Promise.all(
  Array.from({ length: 4 }, async () => {
    while (next < files.length) await parseFile(files[next++]!, { duration: true });
  }),
);
console.log(JSON.stringify({ files: files.length, ms: Math.round(performance.now() - started) }));
