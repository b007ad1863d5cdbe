import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Encodings h3's serveStatic may ask for, as suffixes of the asset path. */
export const ASSET_ENCODINGS = { br: '.br', gzip: '.gz' } as const;

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|map)$/i;
const MAX_SIZE = 4 * 1024 * 1024;
const compressors = {
  br: (bytes: Buffer) =>
    promisify(brotliCompress)(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  gzip: (bytes: Buffer) => promisify(gzip)(bytes, { level: 9 }),
};

export type AssetEncoding = keyof typeof compressors;

/**
 * Brotli and gzip copies of the built client's text files, made on first request and kept in
 * memory (the client is a few hundred KiB), so no build step or precompressed files are needed.
 * A file's copies are remade when its modification time changes.
 */
export function createCompressedAssets() {
  const cache = new Map<string, Promise<Buffer>>();
  return {
    /** Splits `/assets/a.js.br` into the file and the encoding, when that pair is served. */
    parse(id: string): { id: string; encoding: AssetEncoding } | null {
      for (const [encoding, suffix] of Object.entries(ASSET_ENCODINGS)) {
        const base = id.slice(0, -suffix.length);
        if (id.endsWith(suffix) && COMPRESSIBLE.test(base)) {
          return { id: base, encoding: encoding as AssetEncoding };
        }
      }
      return null;
    },
    /** The compressed bytes of the file at `path`, or null when it is too large to bother. */
    get(
      path: string,
      mtimeMs: number,
      size: number,
      encoding: AssetEncoding,
    ): Promise<Buffer> | null {
      if (size > MAX_SIZE) return null;
      const key = `${encoding}\0${path}`;
      const stamp = `${key}\0${mtimeMs}`;
      let entry = cache.get(stamp);
      if (!entry) {
        for (const old of cache.keys()) if (old.startsWith(`${key}\0`)) cache.delete(old);
        entry = readFile(path).then((bytes) => compressors[encoding](bytes));
        entry.catch(() => cache.delete(stamp));
        cache.set(stamp, entry);
      }
      return entry;
    },
  };
}
