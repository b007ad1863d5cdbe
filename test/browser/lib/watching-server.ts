import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';
import { spawnOwned } from './owned-process.ts';
import { REPO_ROOT } from './tapedeck-server.ts';
import { waitFor } from './wait.ts';

export interface WatchingServer {
  readonly origin: string;
  output(): string;
  /** Stops the server (SIGTERM, then SIGKILL) and removes its cache directory. */
  close(): Promise<void>;
}

/**
 * `api/server.ts` with its music-folder watcher on (WATCH=1), which `startTapedeckServer` turns
 * off: for tests that change files under a running server and expect it to rescan by itself.
 */
export async function startWatchingServer(options: {
  musicDir: string;
  env?: Record<string, string>;
  healthTimeoutMs?: number;
}): Promise<WatchingServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const cacheDir = mkdtempSync(join(tmpdir(), 'tapedeck-cache-'));
  const proc = spawnOwned(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...options.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      MUSIC_DIR: options.musicDir,
      CACHE_DIR: cacheDir,
      WATCH: '1',
      SHUTDOWN_GRACE: '1',
    },
  });
  const close = async () => {
    await proc.stop(1000);
    rmSync(cacheDir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      async () => {
        if (proc.hasExited()) throw new Error(`server exited (${await proc.exited})`);
        const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2000) });
        return response.ok;
      },
      {
        timeoutMs: options.healthTimeoutMs ?? 60_000,
        intervalMs: 150,
        message: `watching Tapedeck ${origin}/api/health`,
      },
    );
  } catch (error) {
    await close();
    throw new Error(`${String(error)}\n--- server output ---\n${proc.output()}`);
  }
  return { origin, output: () => proc.output(), close };
}
