import { CHUNK_KEY_ORIGIN, CHUNK_SIZE, chunkCount, parseChunkKey } from '../../../sw/chunks.ts';
import { SEAL_OVERHEAD } from '../../../sw/seal.ts';
import type { BrowserAdapter } from '../adapters/types.ts';

/** One entry of Cache Storage as the page sees it. */
export interface CacheEntry {
  cache: string;
  url: string;
  /** Length of the stored body in bytes. */
  length: number;
}

/** A cached song chunk: a Cache Storage entry whose URL is a chunk key (sw/chunks.ts). */
export interface CachedChunk extends CacheEntry {
  id: string;
  etag: string;
  index: number;
}

/**
 * Page function: every entry of every cache whose URL starts with `origin` (the worker's synthetic
 * chunk origin), with its body length. Reads all caches, not only the ones the worker names today,
 * so a chunk left in an unexpected cache is found too.
 */
export const listCacheEntries = async (origin: string) => {
  const out: { cache: string; url: string; length: number }[] = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (!request.url.startsWith(origin)) continue;
      const response = await cache.match(request);
      const length = response ? (await response.arrayBuffer()).byteLength : -1;
      out.push({ cache: name, url: request.url, length });
    }
  }
  return out;
};

/** Every song chunk in the page's Cache Storage. */
export async function listCachedChunks(browser: BrowserAdapter): Promise<CachedChunk[]> {
  const entries = await browser.evaluate(listCacheEntries, `${CHUNK_KEY_ORIGIN}/`);
  return entries.map((entry) => {
    const key = parseChunkKey(entry.url);
    if (!key) throw new Error(`[${browser.name}] not a chunk key in ${entry.cache}: ${entry.url}`);
    return { ...entry, ...key };
  });
}

/**
 * Chunks of `id` whose stored length is not what the chunk maths says for a song of `size` bytes,
 * sealed (each chunk is stored with its IV and tag: sw/seal.ts).
 */
export function wrongLengthChunks(chunks: CachedChunk[], id: string, size: number): string[] {
  const last = chunkCount(size) - 1;
  const stored = (index: number) =>
    (index === last ? size - last * CHUNK_SIZE : CHUNK_SIZE) + SEAL_OVERHEAD;
  return chunks
    .filter((c) => c.id === id)
    .filter((c) => c.length !== stored(c.index))
    .map((c) => `chunk ${c.index} (${c.etag}) in ${c.cache}: ${c.length} bytes`);
}

/** A short list for failure messages: "id/etag#index (length)". */
export function describeChunks(chunks: CachedChunk[]): string {
  return chunks.map((c) => `${c.id}/${c.etag}#${c.index} (${c.length})`).join(', ') || '(none)';
}
