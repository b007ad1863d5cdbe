import { createCatalog } from '../catalog/catalog.ts';
import { loadConfig } from '../config.ts';
import { createPictureStore } from '../covers/picture-store.ts';
import { createLogger } from '../log.ts';
import { createStores } from '../storage/create-stores.ts';
import { createScanCoordinator } from './scan-coordinator.ts';
import { scanLibrary } from './scan-library.ts';
import { scanOptionsFor } from './scan-options.ts';

/**
 * `npm run scan`: rescans MUSIC_DIR (or the S3 prefix) into the catalog store and prints what
 * changed. A running server picks changes up by itself (it watches the folder) or on
 * `kill -HUP <pid>`; with REDIS_URL, every instance reloads the result within seconds.
 */
const log = createLogger();
try {
  const config = loadConfig(process.env);
  const stores = await createStores(config);
  const catalog = createCatalog(stores.catalogStorage);
  await catalog.load();
  const pictures = createPictureStore(stores.catalogStorage);
  const scan = () => scanLibrary(scanOptionsFor(config, stores, catalog, pictures, log));
  let report: Awaited<ReturnType<typeof scan>> | null;
  if (config.redisUrl) {
    // Like an instance: not while another scan runs, and the instances reload its result.
    const { createRedisStateStore } = await import('../state/redis-state-store.ts');
    const state = createRedisStateStore(config.redisUrl);
    const coordinator = createScanCoordinator({ state, reload: async () => {}, log });
    report = await coordinator.exclusive(scan, null);
    coordinator.dispose();
    await state.dispose();
    if (!report) throw new Error('another instance is scanning: try again later');
  } else report = await scan();
  await stores.dispose();
  console.log(JSON.stringify(report));
} catch (error) {
  log.error('scan failed', error);
  process.exit(1);
}
