import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Child {
  name: string;
  pid: number;
  /** Everything it printed so far (stdout and stderr), for error messages. */
  output(): string;
  /** Called with each line it prints (stdout and stderr). */
  onLine(listener: (line: string) => void): void;
  /** Resolves with the exit code (or signal) when the process has exited. */
  readonly exited: Promise<string>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Ready when a stdout/stderr line matches, or when the probe answers true. */
  ready: RegExp | (() => Promise<boolean>);
  timeoutMs?: number;
  /** The Debian package that provides `command`, named when it is missing. */
  debianPackage?: string;
}

/**
 * Starts a process and waits (bounded) until it is ready. If it exits first or never gets ready,
 * it is killed and the error carries its output: nothing is left running after a failed start.
 */
export async function startChild(
  name: string,
  command: string,
  args: string[],
  options: StartOptions,
): Promise<Child> {
  if (options.debianPackage && command.startsWith('/') && !existsSync(command)) {
    throw new Error(`${name}: ${command} is missing: apt-get install -y ${options.debianPackage}`);
  }
  const process_ = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const child = wrap(name, process_);
  await waitReady(child, process_, options);
  return child;
}

function wrap(name: string, process_: ChildProcess): Child {
  let output = '';
  const listeners: ((line: string) => void)[] = [];
  const lineReader = () => {
    let pending = '';
    return (data: Buffer) => {
      output = (output + data).slice(-100_000);
      pending += data;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) for (const listener of listeners) listener(line);
    };
  };
  process_.stdout!.on('data', lineReader());
  process_.stderr!.on('data', lineReader());
  const exited = new Promise<string>((resolve) => {
    process_.once('exit', (code, signal) => resolve(signal ?? String(code)));
    process_.once('error', (error) => resolve(`error: ${error.message}`));
  });
  return {
    name,
    pid: process_.pid ?? -1,
    output: () => output.slice(-20_000),
    onLine: (listener) => listeners.push(listener),
    exited,
    async stop(graceMs = 5000) {
      if (process_.exitCode !== null || process_.signalCode !== null) return;
      const kill = setTimeout(() => process_.kill('SIGKILL'), graceMs);
      process_.kill('SIGTERM');
      await exited;
      clearTimeout(kill);
    },
  };
}

async function waitReady(child: Child, process_: ChildProcess, options: StartOptions) {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let failure: string | null = null;
  void child.exited.then((how) => (failure ??= `exited (${how}) before it was ready`));
  while (!failure) {
    const ready =
      options.ready instanceof RegExp
        ? options.ready.test(child.output())
        : await options.ready().catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) failure = `not ready within ${options.timeoutMs ?? 30_000} ms`;
    else await new Promise((resolve) => setTimeout(resolve, 50));
  }
  process_.kill('SIGKILL');
  await child.exited;
  const missing = /ENOENT/.test(failure) && options.debianPackage;
  const hint = missing ? ` (apt-get install -y ${options.debianPackage})` : '';
  throw new Error(`${child.name} ${failure}${hint}:\n${child.output()}`);
}
