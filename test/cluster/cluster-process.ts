import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClusterState } from '../../api/cluster/cluster-state.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningCluster {
  state: ClusterState;
  process: ChildProcess;
  output(): string;
  /** SIGTERM; resolves with the exit code once the runner has exited (bounded by `graceMs`). */
  stop(graceMs?: number): Promise<number | null>;
}

/**
 * `npm run cluster` as the tests run it: the runner itself (`node --import tsx`, no npm in between,
 * so the pid is the runner's), on a free port, waiting for `cluster ready:` (bounded).
 */
export async function startCluster(env: Record<string, string>): Promise<RunningCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'tapedeck-cluster-test-'));
  const stateFile = join(dir, 'state.json');
  const { child, exited, output } = spawnRunner({ CLUSTER_STATE: stateFile, ...env });
  const ready = await Promise.race([
    waitFor(() => /cluster ready: (\S+)\n/.test(output()), 120_000),
    exited.then(() => false),
  ]);
  if (!ready) {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`the cluster did not start:\n${output()}`);
  }
  const state = JSON.parse(await readFile(stateFile, 'utf8')) as ClusterState;
  return {
    state,
    process: child,
    output,
    async stop(graceMs = 30_000) {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await Promise.race([exited, waitFor(() => false, graceMs).then(() => -1)]);
      if (code === -1) child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
      return code;
    },
  };
}

/**
 * Runs `npm run cluster` when it must fail to start: its exit code and everything it printed
 * (bounded: SIGKILL and a failure after two minutes).
 */
export async function runFailingCluster(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const { child, exited, output } = spawnRunner(env);
  const code = await Promise.race([exited, waitFor(() => false, 120_000).then(() => -1)]);
  if (code === -1) {
    child.kill('SIGKILL');
    throw new Error(`the cluster neither started nor stopped:\n${output()}`);
  }
  return { code, output: output() };
}

/** The runner itself (`node --import tsx`, no npm in between, so the pid is the runner's). */
function spawnRunner(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/cluster/run-cluster.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (data) => (output += data));
  child.stderr!.on('data', (data) => (output += data));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, output: () => output };
}

async function waitFor(probe: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (probe()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
