import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createStorage } from 'unstorage';
import fsDriver from 'unstorage/drivers/fs-lite';
import memoryDriver from 'unstorage/drivers/memory';
import { createApp } from './app.ts';
import type { AuthConfig } from './auth/auth-config.ts';
import { createStreamAuthorizer } from './auth/authorize-stream.ts';
import { type Auth, createAuth } from './auth/create-auth.ts';
import { createCatalog } from './catalog/catalog.ts';
import { compactHeap } from './compact-heap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createCoverImages } from './covers/cover-images.ts';
import { createPictureStore } from './covers/picture-store.ts';
import { createHttpServer } from './http/create-http-server.ts';
import { listen } from './http/listen.ts';
import { createLogger } from './log.ts';
import { fileNameOf } from './scan/key-names.ts';
import { createRescanner } from './scan/rescanner.ts';
import { createScanCoordinator } from './scan/scan-coordinator.ts';
import { scanKeys } from './scan/scan-keys.ts';
import { type ScanReport, scanLibrary } from './scan/scan-library.ts';
import { scanOptionsFor } from './scan/scan-options.ts';
import { watchLibrary } from './scan/watch-library.ts';
import { createStateStore } from './state/create-state-store.ts';
import { createStores } from './storage/create-stores.ts';
import { escapeControlChars } from './text/control-chars.ts';

const log = createLogger();

/** The entry: reads the environment, builds storage, scans, serves, and shuts down cleanly. */
async function main() {
  const config = loadConfig(process.env);
  const tls = readTls(config.auth.tls);
  const scansFolder = config.storage !== 's3';
  if (scansFolder && !statSync(config.musicDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ConfigError(`MUSIC_DIR=${config.musicDir} is not a folder`);
  }
  if (config.redisUrl) {
    // Imported only with Redis configured (ioredis costs every other start about 0.1 s of CPU).
    const { checkRedis } = await import('./state/redis-state-store.ts');
    await checkRedis(config.redisUrl).catch(toConfigError);
  }
  const hasClient = existsSync(join(config.clientDir, 'index.html'));
  if (!hasClient) log.warn(`no built client in ${config.clientDir}: run \`npm run build\``);
  const state = await createStateStore(config);
  const auth = await createAuth({ state, config: config.auth, clientDir: config.clientDir });
  if (auth.createdAdmin)
    log.info(`created the admin ${auth.createdAdmin.username} (ADMIN_USERNAME)`);

  const stores = await createStores(config, log);
  const catalog = createCatalog(stores.catalogStorage);
  await catalog.load();
  const pictures = createPictureStore(stores.catalogStorage);
  // Resized covers are derived data, named by the picture's hash: each instance keeps its own on
  // its own disk (a cache: lost, it is made again), so memory does not grow with the library and
  // nothing needs sharing or invalidating. Only a memory catalog keeps them in memory too.
  const coverCache = createStorage({
    driver:
      config.catalogStore === 'memory'
        ? memoryDriver()
        : fsDriver({ base: join(config.cacheDir, 'covers') }),
  });
  const covers = createCoverImages({ pictures, cache: coverCache });
  const scanOptions = scanOptionsFor(config, stores, catalog, pictures, log);
  // Several instances on one Redis: one scans at a time, the others reload what it wrote.
  const coordinator =
    config.catalogStore === 'redis'
      ? createScanCoordinator({
          state,
          reload: () => catalog.reloadIfChanged().then(() => {}),
          log,
        })
      : null;
  const exclusive = (scan: () => Promise<ScanReport>) =>
    coordinator ? coordinator.exclusive(scan, NO_SCAN) : scan();
  const scanner = createRescanner({
    scan: () => exclusive(() => scanLibrary(scanOptions)).finally(compactHeap),
    scanKeys: (keys) => exclusive(() => scanKeys(scanOptions, keys)),
    log,
  });
  // With a catalog from an earlier run the server answers at once and rescans behind; the very
  // first start scans before it listens, so that it never serves an empty library by mistake.
  const first = catalog.size() === 0;
  if (first) await scanner.rescan('start');

  // A song found changed when it is opened (or while streamed) is rescanned alone: stat, read
  // again, commit; the folder is not listed.
  const onStale = async (key: string) => {
    await scanner.rescanKey(key, `a song changed under the server (${fileNameOf(key)})`);
  };
  const app = createApp({
    state,
    catalog,
    audio: stores.audio,
    covers,
    auth,
    clientDir: config.clientDir,
    log,
    onStale,
  });
  const server = createHttpServer({
    app,
    catalog,
    audio: stores.audio,
    log,
    onStale,
    authorize: createStreamAuthorizer(auth),
    tls,
    timeouts: { stallMs: config.streamStallTimeout * 1000 },
  });
  const url = await listen(server, config.port, config.host);
  log.success(`Tapedeck is playing on ${url} (${catalog.size()} songs, ${stores.audio.name})`);
  await announceSetup(auth, config.auth.publicUrl?.origin ?? url.replace(/\/$/, ''));
  // Sort orders and search index next (about a second at 100 000 songs), then the rescan.
  void catalog
    .warm()
    .catch((error) => log.error('building the sort orders and search index failed', error))
    .then(() => (first ? null : scanner.rescan('start')))
    .then(() => compactHeap());

  const stopWatching = config.watch
    ? watchLibrary(config.musicDir, () => void scanner.rescan('files changed'), { log })
    : () => {};
  process.on('SIGHUP', () => void scanner.rescan('SIGHUP'));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) process.exit(0); // a second signal: stop now
    stopping = true;
    log.info(`${signal}: closing (open streams get ${config.shutdownGrace} s)`);
    stopWatching();
    // Stop accepting; idle keep-alive connections close now, streams get the grace period.
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    const grace = setTimeout(() => server.closeAllConnections(), config.shutdownGrace * 1000);
    await closed;
    clearTimeout(grace);
    coordinator?.dispose();
    auth.dispose();
    await Promise.all([stores.dispose(), state.dispose(), coverCache.dispose()]);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** What a rescan reports when another instance was scanning (its result is loaded when done). */
const NO_SCAN: ScanReport = {
  added: 0,
  changed: 0,
  unchanged: 0,
  removed: 0,
  skipped: 0,
  undecodable: 0,
};

function toConfigError(error: Error): never {
  throw new ConfigError(error.message);
}

/** With no account yet, the way to make the first one: the one-time setup link. */
async function announceSetup(auth: Auth, origin: string) {
  if (!(await auth.firstAccount.needed())) return;
  const token = await auth.firstAccount.issueToken();
  log.warn(
    `No account yet. Create the first one at ${origin}/#setup=${token} ` +
      '(from this machine, the token is not needed), or start with ADMIN_USERNAME and ADMIN_PASSWORD.',
  );
}

function readTls(tls: AuthConfig['tls']) {
  if (!tls) return undefined;
  const read = (path: string, name: string) => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new ConfigError(
        `${name}=${path} cannot be read (${(error as NodeJS.ErrnoException).code})`,
      );
    }
  };
  return { cert: read(tls.certPath, 'TLS_CERT'), key: read(tls.keyPath, 'TLS_KEY') };
}

main().catch((error: unknown) => {
  // Bad settings get one line naming the setting; anything else is a real failure.
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof ConfigError) console.error(`tapedeck: ${escapeControlChars(error.message)}`);
  else if (code === 'EADDRINUSE' || code === 'EACCES') {
    console.error(`tapedeck: cannot listen on HOST/PORT (${code}): choose another PORT`);
  } else console.error('tapedeck: could not start:', error);
  process.exit(1);
});
