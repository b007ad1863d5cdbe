import { createHash } from 'node:crypto';

/**
 * The placeholder for songs, albums and artists without a picture: a two-tone gradient whose hues
 * come from a seed (an album's name, so one album shares one look), a ring and a note. It holds no
 * tag text at all, so nothing from a file can become markup; it is rasterised before it is served.
 */
export function placeholderSvg(seed: string, size: number): string {
  const digest = createHash('sha1').update(seed).digest();
  const hue = digest.readUInt16BE(0) % 360;
  const hue2 = (hue + 40 + (digest[2]! % 80)) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="${size}" height="${size}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="hsl(${hue}, 62%, 46%)"/><stop offset="1" stop-color="hsl(${hue2}, 70%, 24%)"/>
</linearGradient></defs>
<rect width="512" height="512" fill="url(#g)"/>
<circle cx="256" cy="256" r="150" fill="none" stroke="rgba(255,255,255,.18)" stroke-width="28"/>
<path d="M232 176v118a38 38 0 1 0 24 35V220l64-16v-44z" fill="rgba(255,255,255,.85)"/>
</svg>`;
}
