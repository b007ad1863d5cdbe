import { loadSharp } from './load-sharp.ts';
import { sniffImageType } from './sniff-image.ts';

/** Pictures up to this size and edge are kept as they are; larger ones are downscaled once. */
const KEEP_BYTES = 512 * 1024;
const MAX_EDGE = 1024;
/** A decompression bomb (a tiny file of enormous dimensions) is refused before it is decoded. */
const MAX_INPUT_PIXELS = 64_000_000;

/**
 * The copy of an embedded picture the catalog keeps: the original when it is a small raster, a
 * WebP of at most 1024 px when it is large, or null (the placeholder is shown) when it is not a
 * raster picture at all or cannot be decoded. Runs once per distinct picture, at scan time.
 */
export async function normalizePicture(bytes: Uint8Array): Promise<Uint8Array | null> {
  if (!sniffImageType(bytes)) return null;
  const sharp = await loadSharp();
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, animated: false });
    const { width = 0, height = 0 } = await image.metadata();
    if (!width || !height) return null;
    if (bytes.length <= KEEP_BYTES && width <= MAX_EDGE && height <= MAX_EDGE) return bytes;
    const small = await image
      .rotate()
      .resize(MAX_EDGE, MAX_EDGE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer();
    return new Uint8Array(small);
  } catch {
    return null; // damaged or refused (too many pixels): the placeholder will do
  }
}
