import { createHash } from 'node:crypto';
import type { Sharp } from 'sharp';
import type { Storage } from 'unstorage';
import { loadSharp } from './load-sharp.ts';
import type { PictureStore } from './picture-store.ts';
import { placeholderSvg } from './placeholder.ts';
import { type RasterType, sniffImageType } from './sniff-image.ts';

export const COVER_SIZES = ['64', '128', '256', '512'] as const;
export type CoverSize = (typeof COVER_SIZES)[number];

export interface CoverImage {
  bytes: Uint8Array;
  type: RasterType;
}

/** The size a placeholder is drawn at when no size is asked for. */
const PLACEHOLDER_SIZE = 512;

/**
 * The images the cover routes send: a stored picture as it is, or resized to a square of the size
 * asked for; or the placeholder, rasterised. Every derived image is made once and kept in `cache`
 * (CACHE_DIR/covers, per instance: it is derived from shared data, so instances need not
 * coordinate); concurrent requests for one image share the work.
 */
export function createCoverImages({ pictures, cache }: { pictures: PictureStore; cache: Storage }) {
  const pending = new Map<string, Promise<Uint8Array | null>>();

  function derived(
    key: string,
    make: () => Promise<Uint8Array | null>,
  ): Promise<Uint8Array | null> {
    let result = pending.get(key);
    if (!result) {
      result = (async () => {
        const kept = await cache.getItemRaw<Uint8Array>(key);
        if (kept) return new Uint8Array(kept);
        const made = await make();
        if (made) await cache.setItemRaw(key, made);
        return made;
      })().finally(() => pending.delete(key));
      pending.set(key, result);
    }
    return result;
  }

  return {
    /** A stored picture, or null when it is gone (a rescan dropped it): show the placeholder. */
    async picture(pictureId: string, size: CoverSize | null): Promise<CoverImage | null> {
      const bytes = size
        ? await derived(`sized:${pictureId}:${size}`, async () => {
            const original = await pictures.get(pictureId);
            const sharp = await loadSharp();
            return original && toWebp(sharp(original).resize(Number(size), Number(size)));
          })
        : await pictures.get(pictureId);
      const type = bytes && sniffImageType(bytes);
      return bytes && type ? { bytes, type } : null;
    },
    async placeholder(seed: string, size: CoverSize | null): Promise<CoverImage> {
      const pixels = size ? Number(size) : PLACEHOLDER_SIZE;
      const svg = placeholderSvg(seed, pixels);
      const name = createHash('sha256').update(svg).digest('base64url').slice(0, 22);
      const bytes = await derived(`placeholder:${name}`, async () => {
        const sharp = await loadSharp();
        return toWebp(sharp(Buffer.from(svg)).resize(pixels, pixels));
      });
      return { bytes: bytes!, type: 'image/webp' };
    },
  };
}

export type CoverImages = ReturnType<typeof createCoverImages>;

async function toWebp(image: Sharp): Promise<Uint8Array> {
  return new Uint8Array(await image.webp({ quality: 80 }).toBuffer());
}
