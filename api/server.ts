import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from './app.ts';
import { createCatalog } from './catalog/catalog.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createHttpServer } from './http/create-http-server.ts';
import { listen } from './http/listen.ts';
import { serialize } from './lib/serialize.ts';
import { createLogger } from './log.ts';
import { createScanCoordinator } from './scan/scan-coordinator.ts';
import { scanLibrary } from './scan/scan-library.ts';
import { watchLibrary } from './scan/watch-library.ts';
import { checkRedis, createRedisStateStore } from './state/redis-state-store.ts';
import { createStores } from './storage/create-stores.ts';

const log = createLogger();

/** The entry: reads the environment, builds storage, scans, serves, and shuts down cleanly. */
async function main() {
  const config = loadConfig(process.env);
  const scansFolder = config.storage !== 's3';
  if (scansFolder && !statSync(config.musicDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ConfigError(`MUSIC_DIR=${config.musicDir} is not a folder`);
  }
  if (config.redisUrl) await checkRedis(config.redisUrl).catch(toConfigError);
  const hasClient = existsSync(join(config.clientDir, 'index.html'));
  if (!hasClient) log.warn(`no built client in ${config.clientDir}: run \`npm run build\``);

  const stores = createStores(config, log);
  const catalog = createCatalog(stores.catalogStorage);
  await catalog.load();
  const scan = () => scanLibrary({ catalog, source: stores.source, target: stores.audio, log });
  // Several instances on one Redis: one scans at a time, the others reload what it wrote.
  const state = config.redisUrl ? createRedisStateStore(config.redisUrl) : null;
  const coordinator = state
    ? createScanCoordinator({ state, scan, reload: () => catalog.load(), log })
    : null;
  const rescan = serialize(async () => {
    if (coordinator) await coordinator.rescan();
    else await scan();
  });
  await rescan();

  // A song found changed when it is opened (or while streamed) is rescanned: the incremental scan
  // reads only files whose version differs, so only that one is read again.
  const onStale = () => rescan();
  const app = createApp({
    catalog,
    audio: stores.audio,
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
    timeouts: { stallMs: config.streamStallTimeout * 1000 },
  });
  const url = await listen(server, config.port, config.host);
  log.success(`Tapedeck is playing on ${url} (${catalog.size()} songs, ${stores.audio.name})`);

  const stopWatching = config.watch ? watchLibrary(config.musicDir, rescan) : () => {};
  process.on('SIGHUP', () => void rescan().catch((error) => log.error('rescan failed', error)));

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
    await Promise.all([stores.dispose(), state?.dispose()]);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function toConfigError(error: Error): never {
  throw new ConfigError(error.message);
}

main().catch((error: unknown) => {
  // Bad settings get one line naming the setting; anything else is a real failure.
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof ConfigError) console.error(`tapedeck: ${error.message}`);
  else if (code === 'EADDRINUSE' || code === 'EACCES') {
    console.error(`tapedeck: cannot listen on HOST/PORT (${code}): choose another PORT`);
  } else console.error('tapedeck: could not start:', error);
  process.exit(1);
});
