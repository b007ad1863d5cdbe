import { createServer, type RequestListener } from 'node:http';
import { getQuery, getRouterParam, H3, HTTPError } from 'h3';
import { toNodeHandler } from 'srvx/node';
import { loadSharp } from '../../../api/covers/load-sharp.ts';
import { placeholderSvg } from '../../../api/covers/placeholder.ts';
import { listen } from '../../../api/http/listen.ts';
import { registerClientRoutes } from '../../../api/routes/client-files.ts';
import type { SyntheticLibrary } from './synthetic-library.ts';

/** Distinct pictures among the albums' covers, and the sizes the client asks for (DESIGN.md). */
const COVER_VARIANTS = 12;
const COVER_SIZES = [64, 128, 256, 512];

export interface SyntheticServer {
  url: string;
  /** Every API path asked for, in order (to see what the client fetched). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves a built client and a read-only browse API over a `SyntheticLibrary` on 127.0.0.1: songs,
 * albums, artists, genres and covers with DESIGN.md's paging; a signed-in listener (`/api/auth/me`)
 * whose per-user routes answer empty. For the client's benchmarks and screenshots of big
 * libraries, not for testing the server.
 */
export async function startSyntheticServer(
  clientDir: string,
  library: SyntheticLibrary,
): Promise<SyntheticServer> {
  const requests: string[] = [];
  const app = new H3();
  app.use((event) => {
    if (event.url.pathname.startsWith('/api/'))
      requests.push(event.url.pathname + event.url.search);
  });
  const page = <T>(total: number, item: (i: number) => T, query: Record<string, unknown>) => {
    const limit = Math.min(500, Number(query.limit ?? 100));
    const offset = Number(query.offset ?? 0);
    const items: T[] = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) items.push(item(i));
    return { items, total, limit, offset };
  };
  const indexOf = (id: string | undefined, prefix: string, total: number) => {
    const n = Number(id?.slice(prefix.length));
    if (!id?.startsWith(prefix) || !Number.isInteger(n) || n < 0 || n >= total)
      throw HTTPError.status(404, 'Not Found');
    return n;
  };
  app.get('/api/health', () => ({ ok: true, songs: library.songs }));
  // Signed in as one listener: the client shows its library only to a session.
  app.get('/api/auth/me', () => ({ user: { id: 'bench', username: 'bench', admin: false } }));
  app.get('/api/songs', (e) => page(library.songs, library.song, getQuery(e)));
  app.get('/api/albums', (e) => page(library.albums, library.album, getQuery(e)));
  app.get('/api/artists', (e) => page(library.artists, library.artist, getQuery(e)));
  app.get('/api/genres', () => ({ items: library.genres }));
  app.get('/api/albums/:id', (e) => {
    const b = indexOf(getRouterParam(e, 'id'), 'al', library.albums);
    const album = library.album(b);
    const songs = Array.from({ length: album.songCount }, (_, t) => library.song(b * 10 + t));
    return { ...album, songs };
  });
  app.get('/api/artists/:id', (e) => {
    const a = indexOf(getRouterParam(e, 'id'), 'ar', library.artists);
    const artist = library.artist(a);
    return {
      ...artist,
      albums: Array.from({ length: artist.albumCount }, (_, i) => library.album(a * 10 + i)),
    };
  });
  // Covers as the real server sends them: raster WebP (its placeholders are rasterised too). An SVG
  // per album made every row's cover a document of its own on the page's main thread, a cost no
  // real library has. A few pictures, made once per size, under a URL of each album's own.
  const covers = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  const coverBytes = (seed: number, size: number) => {
    const key = `${seed % COVER_VARIANTS}:${size}`;
    let bytes = covers.get(key);
    if (!bytes) {
      const svg = placeholderSvg(`album ${seed % COVER_VARIANTS}`, size);
      bytes = loadSharp()
        .then((sharp) => sharp(Buffer.from(svg)).webp().toBuffer())
        .then((buffer) => new Uint8Array(buffer));
      covers.set(key, bytes);
    }
    return bytes;
  };
  app.get('/api/songs/:id/cover', async (e) => {
    const index = Number(getRouterParam(e, 'id')?.slice(1)) || 0;
    const asked = Number(getQuery(e).size);
    const size = COVER_SIZES.includes(asked) ? asked : 256;
    return new Response(await coverBytes(Math.floor(index / 10), size), {
      headers: {
        'content-type': 'image/webp',
        'cache-control': 'public, max-age=31536000, immutable',
      },
    });
  });
  app.get('/api/plays', () => ({ items: [] }));
  app.get('/api/favourites', () => ({ songs: [], albums: [], artists: [] }));
  app.get('/api/playlists', () => ({ items: [] }));
  app.get('/api/queue', () => ({ songIds: [], index: 0, position: 0, updatedAt: null }));
  registerClientRoutes(app, { clientDir });
  const server = createServer(toNodeHandler(app.fetch) as unknown as RequestListener);
  const url = await listen(server, 0, '127.0.0.1');
  return {
    url: url.replace(/\/$/, ''),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
