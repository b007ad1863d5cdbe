import type { H3 } from 'h3';
import type { Catalog } from '../catalog/catalog.ts';
import type { AudioStore } from '../storage/audio-store.ts';

/** `GET /api/health`: liveness plus a few facts useful when debugging a deployment. */
export function registerHealthRoutes(app: H3, deps: { catalog: Catalog; audio: AudioStore }) {
  const started = Date.now();
  app.get('/api/health', () => ({
    ok: true,
    songs: deps.catalog.size(),
    storage: deps.audio.name,
    uptime: Math.round((Date.now() - started) / 1000),
  }));
}
