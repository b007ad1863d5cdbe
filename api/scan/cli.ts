import { createCatalog } from '../catalog/catalog.ts';
import { loadConfig } from '../config.ts';
import { createPictureStore } from '../covers/picture-store.ts';
import { createLogger } from '../log.ts';
import { createStores } from '../storage/create-stores.ts';
import { scanLibrary } from './scan-library.ts';

/**
 * `npm run scan`: rescans MUSIC_DIR into the catalog store and prints what changed. A running server
 * picks changes up by itself (it watches the folder) or on `kill -HUP <pid>`.
 */
const log = createLogger();
try {
  const config = loadConfig(process.env);
  const stores = createStores(config);
  const catalog = createCatalog(stores.catalogStorage);
  await catalog.load();
  const pictures = createPictureStore(stores.catalogStorage);
  const report = await scanLibrary({
    catalog,
    source: stores.source,
    target: stores.audio,
    pictures,
    log,
  });
  await stores.dispose();
  console.log(JSON.stringify(report));
} catch (error) {
  log.error('scan failed', error);
  process.exit(1);
}
