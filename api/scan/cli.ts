import { createCatalog } from '../catalog/catalog.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { createRedisStateStore } from '../state/redis-state-store.ts';
import { createStores } from '../storage/create-stores.ts';
import { createScanCoordinator } from './scan-coordinator.ts';
import { scanLibrary } from './scan-library.ts';

/**
 * `npm run scan`: rescans MUSIC_DIR (or the S3 prefix) into the catalog store and prints what
 * changed. A running server picks changes up by itself (it watches the folder) or on
 * `kill -HUP <pid>`. With REDIS_URL it scans like an instance would: not while another scan runs,
 * and the instances reload its result within seconds.
 */
const log = createLogger();
try {
  const config = loadConfig(process.env);
  const stores = createStores(config);
  const catalog = createCatalog(stores.catalogStorage);
  await catalog.load();
  const scan = () => scanLibrary({ catalog, source: stores.source, target: stores.audio, log });
  let report: Awaited<ReturnType<typeof scan>> | null = null;
  if (config.redisUrl) {
    const state = createRedisStateStore(config.redisUrl);
    const coordinator = createScanCoordinator({
      state,
      scan: async () => {
        report = await scan();
      },
      reload: async () => {},
      log,
    });
    const outcome = await coordinator.rescan();
    coordinator.dispose();
    await state.dispose();
    if (outcome === 'busy') throw new Error('another instance is scanning: try again later');
  } else report = await scan();
  await stores.dispose();
  console.log(JSON.stringify(report));
} catch (error) {
  console.error(`tapedeck: ${(error as Error).message}`);
  process.exit(1);
}
