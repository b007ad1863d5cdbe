import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { type H3, type H3Event, HTTPError, serveStatic } from 'h3';
import mime from 'mime';
import { ASSET_ENCODINGS, createCompressedAssets } from '../lib/compressed-assets.ts';
import { firstScreenDocument } from './first-screen.ts';

/** Types `mime` lacks or gets wrong for a PWA. */
const TYPES: Record<string, string> = { '.webmanifest': 'application/manifest+json' };

/**
 * Serves the built client, brotli- or gzip-compressed where the browser accepts it. Hashed assets
 * are cached for a year; everything else (index.html, the service worker, the manifest) is
 * revalidated so updates reach users. Unknown navigations get index.html (the client routes
 * itself); unknown API or stream paths get a JSON 404. A signed-in browser's navigation gets the
 * shell with its first screen's answers inside (first-screen.ts), never stored by any cache.
 */
export function registerClientRoutes(app: H3, { clientDir }: { clientDir: string }) {
  const root = resolve(clientDir);
  const compressed = createCompressedAssets();

  const fileOf = (id: string) => {
    const path = resolve(root, `.${decodeURI(id)}`);
    return path.startsWith(root + sep) ? path : null;
  };

  /** A file on disk, or a compressed copy of one (`/assets/a.js.br`). */
  async function findAsset(id: string) {
    const encoded = compressed.parse(id);
    const path = fileOf(encoded?.id ?? id);
    const info = path ? await stat(path).catch(() => null) : null;
    if (!path || !info?.isFile()) return null;
    if (!encoded) return { path, info, bytes: null, encoding: undefined };
    const bytes = await compressed.get(path, info.mtimeMs, info.size, encoded.encoding);
    return bytes ? { path, info, bytes, encoding: encoded.encoding } : null;
  }

  const serveFile = (event: H3Event) =>
    serveStatic(event, {
      fallthrough: true,
      encodings: ASSET_ENCODINGS,
      getType: (ext) => TYPES[ext] ?? mime.getType(ext) ?? undefined,
      async getMeta(id) {
        const asset = await findAsset(id);
        if (!asset) return undefined;
        event.res.headers.set('cache-control', cacheControlFor(id));
        const size = asset.bytes ? asset.bytes.length : asset.info.size;
        return { size, mtime: asset.info.mtime, encoding: asset.encoding };
      },
      async getContents(id) {
        const asset = await findAsset(id);
        const bytes = asset?.bytes ?? (asset ? await readFile(asset.path) : null);
        return bytes as Uint8Array<ArrayBuffer> | null;
      },
    });

  // `/songs/listen/*` is the stream route; `/songs` itself (and any other path) is a client view.
  for (const prefix of ['/api/**', '/songs/listen/**']) {
    app.all(prefix, () => {
      throw HTTPError.status(404, 'Not Found', { message: 'no such route' });
    });
  }

  const readShell = () =>
    readFile(resolve(root, 'index.html'), 'utf8').catch(() => {
      throw HTTPError.status(503, 'Service Unavailable', {
        message: 'the client is not built: run `npm run build`',
      });
    });

  /** The shell for this navigation: with the first screen inside when signed in. */
  async function serveShell(event: H3Event, plain: boolean): Promise<string | null> {
    const personal = await firstScreenDocument(app, event, readShell);
    if (!personal && !plain) return null;
    event.res.headers.set('cache-control', personal ? 'no-store' : 'no-cache');
    event.res.headers.set('content-type', 'text/html; charset=utf-8');
    return personal ?? readShell();
  }

  app.get('/**', async (event) => {
    const path = event.url.pathname;
    const personal = SHELL_PATHS.has(path) ? await serveShell(event, false) : null;
    if (personal) return personal;
    const served = await serveFile(event);
    if (served) return served;
    if (!acceptsHtml(event)) throw HTTPError.status(404, 'Not Found', { message: 'no such file' });
    return serveShell(event, true);
  });
}

/** Paths that are index.html itself (the other navigations fall back to it). */
const SHELL_PATHS = new Set(['/', '/index.html']);

function cacheControlFor(id: string): string {
  return id.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function acceptsHtml(event: H3Event): boolean {
  return (event.req.headers.get('accept') ?? '').includes('text/html');
}
