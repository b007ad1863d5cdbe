import type SharpModule from 'sharp';

let loading: Promise<typeof SharpModule> | undefined;

/**
 * sharp, loaded when a picture is first decoded or resized rather than at start: loading libvips
 * costs about a quarter of a second of CPU, which a restart with the catalog built must not pay.
 */
export function loadSharp(): Promise<typeof SharpModule> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    // libvips keeps decoded images in a cache by default: a server must not hold on to pictures.
    sharp.cache(false);
    return sharp;
  });
  return loading;
}
