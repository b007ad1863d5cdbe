import { createHash } from 'node:crypto';

/**
 * A generated cover for songs without embedded artwork: a two-tone gradient whose hues come from the
 * album (so one album shares one look) and the song's initial in large type.
 */
export function placeholderCoverSvg(title: string, album: string | null, artist: string): string {
  const digest = createHash('sha1')
    .update(album ?? artist)
    .digest();
  const hue = digest.readUInt16BE(0) % 360;
  const hue2 = (hue + 40 + ((digest[2] ?? 0) % 80)) % 360;
  const initial = escapeXml([...(title.trim() || '♪')][0]!.toUpperCase());
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="hsl(${hue} 62% 46%)"/><stop offset="1" stop-color="hsl(${hue2} 70% 24%)"/>
</linearGradient></defs>
<rect width="512" height="512" fill="url(#g)"/>
<circle cx="256" cy="256" r="150" fill="none" stroke="rgba(255,255,255,.18)" stroke-width="28"/>
<text x="256" y="256" dy=".35em" text-anchor="middle" font-family="system-ui,sans-serif" font-size="190" font-weight="700" fill="rgba(255,255,255,.92)">${initial}</text>
</svg>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
