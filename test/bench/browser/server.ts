import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signIn, TEST_ADMIN_ENV } from '../../helpers/test-auth.ts';
import { killTree, runBounded } from './processes.ts';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export interface BenchServer {
  url: string;
  pid: number;
  /** A signed-in session (`name=value`): the library is private. */
  cookie: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * `npx vite build` into `outDir` (a temp folder, so a build running in someone else's `dist/` at
 * the same time cannot change what is measured). The worker lands there too.
 */
export async function buildClient(outDir: string): Promise<void> {
  const vite = join(repoRoot, 'node_modules/.bin/vite');
  await runBounded(vite, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: repoRoot,
    timeoutMs: 120_000,
    label: 'vite build',
  });
}

/**
 * Starts `api/server.ts` on 127.0.0.1 and a free port, serving `clientDir` and data/music.
 * `node --import tsx` rather than `npx tsx`: the pid is the server's own, so stopping it is exact.
 */
export async function startServer(clientDir: string, cacheDir: string): Promise<BenchServer> {
  mkdirSync(cacheDir, { recursive: true });
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      CACHE_DIR: cacheDir,
      CLIENT_DIR: clientDir,
      WATCH: '0',
      ...TEST_ADMIN_ENV,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const server: BenchServer = {
    url,
    pid: child.pid!,
    cookie: '',
    output: () => output,
    stop: () => stopChild(child),
  };
  try {
    await waitForHealth(url, child, () => output);
    server.cookie = await signIn(url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer /api/health within 30 s:\n${output()}`);
}

/** SIGTERM, then SIGKILL of the whole tree after 5 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => killTree(child.pid!), 5000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** The catalog entry fields the benchmarks use. */
export interface BenchSong {
  id: string;
  title: string;
  mimeType: string;
  size: number;
  duration: number;
  streamUrl: string;
}

/** The largest MP3 in the library: above 2 MB, so seeks make range requests (BROWSERS.md). */
export async function pickSong(url: string, cookie: string): Promise<BenchSong> {
  const response = await fetch(`${url}/api/songs?limit=100`, {
    headers: { cookie },
    signal: AbortSignal.timeout(10_000),
  });
  const { items } = (await response.json()) as { items: BenchSong[] };
  const mp3 = items.filter((s) => s.mimeType === 'audio/mpeg').sort((a, b) => b.size - a.size);
  const song = mp3[0] ?? items[0];
  if (!song) throw new Error('the library is empty: GET /api/songs listed no song');
  return song;
}
