import { type ChildProcess, spawn } from 'node:child_process';
import { withTimeout } from './with-timeout.ts';

/** A child process this test run started: its output is kept and it is killed by its own id. */
export interface OwnedProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Last ~64 KiB of stdout and stderr, for failure messages. */
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  readonly exited: Promise<string>;
  hasExited(): boolean;
  /** SIGTERM to the process group, SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Extra stdio entries after stdin/stdout/stderr (e.g. a pipe for Xvfb's -displayfd 3). */
  extraStdio?: Array<'pipe' | 'ignore'>;
}

const running = new Set<OwnedProcess>();
// A crashed or interrupted test run must not leave browsers, drivers or servers behind.
process.once('exit', () => {
  for (const owned of running) killGroup(owned.pid, 'SIGKILL');
});

/** Starts `command` in its own process group so that stopping it also stops what it spawned. */
export function spawnOwned(
  command: string,
  args: string[],
  options: SpawnOptions = {},
): OwnedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', ...(options.extraStdio ?? [])],
  });
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-65_536);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  let done = false;
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => {
      done = true;
      resolve(`spawn error: ${error.message}`);
    });
    child.once('exit', (code, signal) => {
      done = true;
      resolve(signal ?? String(code));
    });
  });
  const owned: OwnedProcess = {
    child,
    pid: child.pid ?? -1,
    output: () => log,
    exited,
    hasExited: () => done,
    async stop(graceMs = 3000) {
      if (!done) {
        killGroup(owned.pid, 'SIGTERM');
        const gone = await Promise.race([exited.then(() => true), delay(graceMs, false)]);
        if (!gone) killGroup(owned.pid, 'SIGKILL');
        await withTimeout(exited, 5000, `${command} (pid ${owned.pid}) did not exit after SIGKILL`);
      }
      running.delete(owned);
    },
  };
  running.add(owned);
  void exited.then(() => running.delete(owned));
  return owned;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  if (pid <= 0) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function delay<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms).unref());
}
