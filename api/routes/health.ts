import type { Catalog } from '../catalog/catalog.ts';
import type { AudioStore } from '../storage/audio-store.ts';
import type { RouteTable } from './route-table.ts';

/** `GET /api/health`: liveness plus a few facts useful when debugging a deployment. */
export function registerHealthRoutes(
  routes: RouteTable,
  deps: { catalog: Catalog; audio: AudioStore },
) {
  const started = Date.now();
  routes.get('/api/health', () => ({
    ok: true,
    songs: deps.catalog.size(),
    storage: deps.audio.name,
    uptime: Math.round((Date.now() - started) / 1000),
  }));
}
