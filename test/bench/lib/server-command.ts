import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const built = new Set<string>();
const BUILD_CONFIG = 'api/build/vite.server.config.ts';

/**
 * How the benchmarks run Tapedeck: as `npm start` runs it, the production build in dist-server/
 * (built here, once per benchmark process) under plain `node`; or with BENCH_TSX=1 from the sources
 * through tsx, as `npm run dev` and the tests do (tsx keeps function names with a helper call per
 * closure: measurably slower on the stream path). Arguments for `node`, run from `root` (this
 * repository, or another checkout for an A/B run; one from before the build runs through tsx).
 */
export function serverCommand(root = repoRoot): string[] {
  const fromSources = process.env.BENCH_TSX === '1' || process.env.BENCH_LIBRARY_TSX === '1';
  if (fromSources || !existsSync(join(root, BUILD_CONFIG))) {
    return ['--import', 'tsx', 'api/server.ts'];
  }
  if (!built.has(root)) {
    execFileSync('npx', ['vite', 'build', '-c', BUILD_CONFIG, '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    built.add(root);
  }
  return ['dist-server/server.js'];
}
