import type { Catalog } from '../catalog/catalog.ts';
import type { Config } from '../config.ts';
import type { PictureStore } from '../covers/picture-store.ts';
import type { Stores } from '../storage/create-stores.ts';
import type { ScanOptions } from './scan-library.ts';

/**
 * What a scan of this deployment's library needs, for the server and `npm run scan` alike. Parse
 * workers read the music folder themselves: they get it only when the audio is in that folder.
 */
export function scanOptionsFor(
  config: Config,
  stores: Stores,
  catalog: Catalog,
  pictures: PictureStore,
  log: ScanOptions['log'],
): ScanOptions {
  return {
    catalog,
    source: stores.source,
    target: stores.audio,
    pictures,
    log,
    folder:
      config.storage === 'fs'
        ? { root: config.musicDir, followSymlinks: config.followSymlinks }
        : undefined,
  };
}
