import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Song } from '../../../api/catalog/song.ts';

export type { Song };

/** A server and a way to be signed in to it (TapedeckServer). */
export interface SignedInServer {
  origin: string;
  cookie(): Promise<string>;
}

/** Every song the server lists, paging through `GET /api/songs` (signed in). */
export async function fetchAllSongs(server: SignedInServer): Promise<Song[]> {
  const songs: Song[] = [];
  const headers = { cookie: await server.cookie() };
  for (let offset = 0; offset < 10_000; ) {
    const response = await fetch(`${server.origin}/api/songs?limit=100&offset=${offset}`, {
      headers,
    });
    if (!response.ok)
      throw new Error(`GET /api/songs → ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as { items: Song[]; total: number };
    songs.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) break;
  }
  return songs;
}

/**
 * The bytes of `song` as they are on disk under `musicDir`: the server's whole response is
 * fetched, then matched by size and hash to one file, so the expected bytes come from the disk,
 * not from the server under test. Throws when no file matches.
 */
export async function readSongFromDisk(
  server: SignedInServer,
  musicDir: string,
  song: Song,
): Promise<Buffer> {
  const response = await fetch(`${server.origin}${song.streamUrl}`, {
    headers: { cookie: await server.cookie() },
  });
  if (response.status !== 200) throw new Error(`GET ${song.streamUrl} → ${response.status}`);
  const served = Buffer.from(await response.arrayBuffer());
  const hash = sha256(served);
  for (const path of listFiles(musicDir)) {
    if (statSync(path).size !== song.size) continue;
    const bytes = readFileSync(path);
    if (sha256(bytes) === hash) return bytes;
  }
  throw new Error(
    `no file under ${musicDir} has the ${song.size} bytes the server sent for ${song.id} (${song.title})`,
  );
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(entry.parentPath ?? dir, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return entry.isFile() ? [path] : [];
  });
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
