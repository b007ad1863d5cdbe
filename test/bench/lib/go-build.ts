import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from './processes.ts';

/** Builds the Go program in `sourceDir` into `tmpDir/<name>`, with caches in `tmpDir`. */
export async function buildGo(
  goPath: string,
  sourceDir: string,
  tmpDir: string,
  name: string,
): Promise<string> {
  const output = join(tmpDir, name);
  const cache = join(tmpDir, 'go-cache');
  const gopath = join(tmpDir, 'go-path');
  await mkdir(cache, { recursive: true });
  await mkdir(gopath, { recursive: true });
  await runCommand(goPath, ['build', '-o', output, '.'], {
    cwd: sourceDir,
    env: {
      ...process.env,
      GOCACHE: cache,
      GOPATH: gopath,
      // Stdlib only: never reach for a toolchain or a module proxy.
      GOTOOLCHAIN: 'local',
      GOFLAGS: '',
      GOPROXY: 'off',
      CGO_ENABLED: '0',
    },
    timeoutMs: 300_000,
  });
  return output;
}
