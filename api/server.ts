import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from './app.ts';
import { createCatalog } from './catalog/catalog.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createHttpServer } from './http/create-http-server.ts';
import { listen } from './http/listen.ts';
import { serialize } from './lib/serialize.ts';
import { createLogger } from './log.ts';
import { scanLibrary } from './scan/scan-library.ts';
import { watchLibrary } from './scan/watch-library.ts';
import { createStores } from './storage/create-stores.ts';

const log = createLogger();

/** The entry: reads the environment, builds storage, scans, serves, and shuts down cleanly. */
async function main() {
  const config = loadConfig(process.env);
  if (!statSync(config.musicDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ConfigError(`MUSIC_DIR=${config.musicDir} is not a folder`);
  }
  const hasClient = existsSync(join(config.clientDir, 'index.html'));
  if (!hasClient) log.warn(`no built client in ${config.clientDir}: run \`npm run build\``);

  const stores = createStores(config, log);
  const catalog = createCatalog(stores.catalogStorage);
  await catalog.load();
  const rescan = serialize(async () => {
    await scanLibrary({ catalog, source: stores.source, target: stores.audio, log });
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
    await stores.dispose();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
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
