import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../helpers/free-port.ts';
import { signIn, TEST_ADMIN, TEST_ADMIN_ENV } from '../../helpers/test-auth.ts';
import { type OwnedProcess, spawnOwned } from './owned-process.ts';
import { waitFor } from './wait.ts';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export interface TapedeckServerOptions {
  /** Music folder to scan (default `data/music` of the repository). */
  musicDir?: string;
  /** Port to listen on (default: a free one). Kept across stop/start. */
  port?: number;
  /** Upper bound for the server to answer /api/health (default 60 s: the first scan reads tags). */
  healthTimeoutMs?: number;
  /** Extra environment for the server. */
  env?: Record<string, string>;
  /** Rescan when files in the music folder change (WATCH=1); off by default. */
  watch?: boolean;
}

export interface TapedeckServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  readonly musicDir: string;
  readonly cacheDir: string;
  /** The admin the server starts with (ADMIN_USERNAME/ADMIN_PASSWORD): sign in with these. */
  readonly credentials: { username: string; password: string };
  /** A `Cookie` header value signed in as `credentials` (one session per server start). */
  cookie(): Promise<string>;
  /** Starts the process (again) on the same port and waits for /api/health. */
  start(): Promise<void>;
  /** SIGTERM, SIGKILL after `graceMs`; resolves once the process is gone and the port refuses. */
  stop(graceMs?: number): Promise<void>;
  isRunning(): boolean;
  /** The server's recent stdout/stderr, for failure messages. */
  output(): string;
  /** Stops the server and removes its temporary cache directory. */
  close(): Promise<void>;
}

/** Runs `api/server.ts` (through tsx) as a child process with a temporary CACHE_DIR. */
export async function startTapedeckServer(
  options: TapedeckServerOptions = {},
): Promise<TapedeckServer> {
  const musicDir = resolve(REPO_ROOT, options.musicDir ?? 'data/music');
  const port = options.port ?? (await freePort());
  const cacheDir = mkdtempSync(join(tmpdir(), 'tapedeck-cache-'));
  const origin = `http://127.0.0.1:${port}`;
  const healthTimeoutMs = options.healthTimeoutMs ?? 60_000;
  let current: OwnedProcess | undefined;
  let previousOutput = '';
  let session: Promise<string> | undefined;

  const server: TapedeckServer = {
    origin,
    port,
    musicDir,
    cacheDir,
    credentials: TEST_ADMIN,
    cookie() {
      session ??= signIn(origin).catch((error: unknown) => {
        session = undefined;
        throw error;
      });
      return session;
    },
    async start() {
      if (current && !current.hasExited())
        throw new Error(`Tapedeck server already running on ${origin}`);
      if (current) previousOutput += current.output();
      // `node --import tsx` keeps it one process: signals reach the server itself, not a wrapper.
      const proc = spawnOwned(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          ...TEST_ADMIN_ENV,
          ...options.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          MUSIC_DIR: musicDir,
          CACHE_DIR: cacheDir,
          // No file watcher unless asked, and open streams may not hold a SIGTERM for long.
          WATCH: options.watch ? '1' : '0',
          SHUTDOWN_GRACE: '1',
        },
      });
      current = proc;
      await waitFor(
        async () => {
          if (proc.hasExited()) {
            throw new Error(`server exited (${await proc.exited}):\n${proc.output()}`);
          }
          const response = await fetch(`${origin}/api/health`, {
            signal: AbortSignal.timeout(2000),
          });
          return response.ok && ((await response.json()) as { ok?: boolean }).ok === true;
        },
        { timeoutMs: healthTimeoutMs, intervalMs: 150, message: `Tapedeck ${origin}/api/health` },
      ).catch(async (error: unknown) => {
        await proc.stop(1000);
        throw new Error(`${String(error)}\n--- server output ---\n${proc.output()}`);
      });
    },
    async stop(graceMs = 3000) {
      if (!current) return;
      await current.stop(graceMs);
      await waitFor(
        () =>
          fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(1000) }).then(
            () => false,
            () => true,
          ),
        { timeoutMs: 5000, message: `port ${port} to refuse connections after stop` },
      );
    },
    isRunning: () => Boolean(current && !current.hasExited()),
    output: () => previousOutput + (current?.output() ?? ''),
    async close() {
      await server.stop(1000);
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
  try {
    await server.start();
  } catch (error) {
    rmSync(cacheDir, { recursive: true, force: true });
    throw error;
  }
  return server;
}
