import { PHONE_QUERY } from '../styles/breakpoints.ts';

/** The sizes the server resizes covers to (DESIGN.md: `?size=64|128|256|512`). */
export const COVER_SIZES = [64, 128, 256, 512] as const;

/**
 * The cover URL for an image shown `cssPx` wide: the smallest size that covers it at this screen's
 * density (capped at 2×, past which nobody sees the difference), so a 48 px row never downloads a
 * 500 px picture.
 */
export function coverAt(
  url: string | null,
  cssPx: number,
  dpr = globalThis.devicePixelRatio || 1,
): string | null {
  if (!url) return null;
  const wanted = cssPx * Math.min(Math.max(dpr, 1), 2);
  const size = COVER_SIZES.find((s) => s >= wanted) ?? COVER_SIZES[COVER_SIZES.length - 1];
  const [path, query = ''] = url.split('?', 2) as [string, string?];
  const params = new URLSearchParams(query);
  params.set('size', String(size));
  return `${path}?${params}`;
}

/** A card's cover is this wide (a grid cell of 176 px less its padding); on a phone about 134 px. */
const CARD_COVER_PX = 160;
const PHONE_CARD_COVER_PX = 134;

/** The cover's URL at the size an album, artist or playlist card shows it. */
export function cardCoverAt(url: string | null): string | null {
  const phone = globalThis.matchMedia?.(PHONE_QUERY).matches ?? false;
  return coverAt(url, phone ? PHONE_CARD_COVER_PX : CARD_COVER_PX);
}
