import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnOwned } from './owned-process.ts';
import { REPO_ROOT } from './tapedeck-server.ts';
import { waitFor } from './wait.ts';
import { withTimeout } from './with-timeout.ts';

const SOURCES = ['client', 'sw', 'api/catalog', 'vite.config.ts', 'package.json', 'tsconfig.json'];

/**
 * A production build of the client and worker for the current sources, made once per source
 * state into a temporary folder (given to the server as CLIENT_DIR). The repository's dist/ is
 * never touched, and test files running in parallel share one build through a lock folder.
 */
export async function ensureBuiltClient(timeoutMs = 240_000): Promise<string> {
  const outDir = join(tmpdir(), `tapedeck-client-${fingerprint()}`);
  const done = join(outDir, '.complete');
  const lock = `${outDir}.lock`;
  if (existsSync(done)) return outDir;
  if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > timeoutMs)
    rmSync(lock, { recursive: true, force: true });
  try {
    mkdirSync(lock);
  } catch {
    // Another test file is building the same sources: wait for it.
    await waitFor(() => existsSync(done) || !existsSync(lock), {
      timeoutMs,
      intervalMs: 500,
      message: `client build in ${outDir}`,
    });
    if (existsSync(done)) return outDir;
    return ensureBuiltClient(timeoutMs);
  }
  try {
    const build = spawnOwned(
      process.execPath,
      [
        join(REPO_ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--outDir',
        outDir,
        '--emptyOutDir',
      ],
      // Vitest sets NODE_ENV=test, which would make this a development build (Lit's dev mode).
      { cwd: REPO_ROOT, env: { ...process.env, NODE_ENV: 'production' } },
    );
    const how = await withTimeout(build.exited, timeoutMs, 'vite build').catch(
      async (error: unknown) => {
        await build.stop(1000);
        throw error;
      },
    );
    if (
      how !== '0' ||
      !existsSync(join(outDir, 'index.html')) ||
      !existsSync(join(outDir, 'sw.js'))
    ) {
      throw new Error(
        `vite build failed (exit ${how}); the client and worker must build:\n${build.output().slice(-4000)}`,
      );
    }
    mkdirSync(done);
    pruneOldBuilds(outDir);
    return outDir;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds of earlier source states, a day old or more, are dropped (never one in use today). */
function pruneOldBuilds(keep: string): void {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (!/^tapedeck-client-[0-9a-f]{16}$/.test(name) || path === keep) continue;
    if (statSync(path).mtimeMs < dayAgo) rmSync(path, { recursive: true, force: true });
  }
}

/** Paths, sizes and modification times of the sources: cheap, and changes with any edit. */
function fingerprint(): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else hash.update(`${path}:${stat.size}:${stat.mtimeMs}\n`);
  };
  for (const source of SOURCES) visit(join(REPO_ROOT, source));
  return hash.digest('hex').slice(0, 16);
}
