import type { Catalog } from '../catalog/catalog.ts';
import type { AudioStore } from '../storage/audio-store.ts';
import type { RouteTable } from './route-table.ts';

/**
 * `GET /api/health`: liveness for anyone (`{ ok: true }`), plus a few facts useful when debugging
 * a deployment for a signed-in user (the library's size is not for strangers).
 */
export function registerHealthRoutes(
  routes: RouteTable,
  deps: { catalog: Catalog; audio: AudioStore },
) {
  const started = Date.now();
  routes.get('/api/health', (event) => {
    if (!event.context.user) return { ok: true };
    return {
      ok: true,
      songs: deps.catalog.size(),
      storage: deps.audio.name,
      uptime: Math.round((Date.now() - started) / 1000),
    };
  });
}
