import { authApi } from './auth-api.ts';

/**
 * Copies a signed stream link for `songId` (for mpv, VLC, a cast device) and says what happened.
 * The link is asked for inside the click's clipboard write where ClipboardItem takes a promise
 * (Safari drops a write made after an await), else written once it has arrived.
 */
export async function copyStreamLink(songId: string): Promise<{ ok: boolean; message: string }> {
  const link = authApi
    .streamLink(songId)
    .then(({ url, expiresAt }) => ({ url: new URL(url, location.origin).href, expiresAt }));
  try {
    if (typeof ClipboardItem === 'function' && navigator.clipboard?.write) {
      const text = link.then(({ url }) => new Blob([url], { type: 'text/plain' }));
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': text })]);
    } else await navigator.clipboard.writeText((await link).url);
    return {
      ok: true,
      message: `Stream link copied. It plays in any player until ${until(await link)}.`,
    };
  } catch {
    const got = await link.catch(() => null);
    if (!got) return { ok: false, message: 'Couldn’t get a stream link. Are you online?' };
    // No clipboard (permissions, an old browser): show the link to copy by hand.
    globalThis.prompt?.('Copy this stream link:', got.url);
    return { ok: true, message: 'Stream link ready.' };
  }
}

function until({ expiresAt }: { expiresAt: string }): string {
  return new Date(expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
