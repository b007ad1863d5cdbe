import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { freePort } from '../../helpers/free-port.ts';

/** Every child the bench starts, so that one call can kill them all, even on failure. */
const running = new Set<ChildProcess>();

export interface Pinned {
  child: ChildProcess;
  /** The pinned program's own pid: taskset execs it, so it is the child's pid. */
  pid: number;
  /** Last lines of stderr+stdout, for error messages. */
  output(): string;
  exited: Promise<number | null>;
}

/** Spawns `command` pinned to `cpu` with taskset and remembers it for `killAllChildren`. */
export function spawnPinned(
  cpu: string,
  command: string,
  args: string[],
  options: SpawnOptions = {},
): Pinned {
  const child = spawn('taskset', ['-c', cpu, command, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  running.add(child);
  let tail = '';
  const keep = (data: Buffer) => {
    tail = (tail + data.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      running.delete(child);
      resolve(code);
    });
    child.on('error', (error) => {
      running.delete(child);
      tail += `\n${error.message}`;
      resolve(null);
    });
  });
  if (child.pid === undefined) throw new Error(`[bench] could not start ${command}`);
  return { child, pid: child.pid, output: () => tail, exited };
}

/** SIGTERM, then SIGKILL after `graceMs` if the process is still there. */
export async function stopChild(pinned: Pinned, graceMs = 3000): Promise<void> {
  if (pinned.child.exitCode !== null || pinned.child.signalCode !== null) return;
  pinned.child.kill('SIGTERM');
  const timer = setTimeout(() => pinned.child.kill('SIGKILL'), graceMs);
  await pinned.exited;
  clearTimeout(timer);
}

export function killAllChildren(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** Asks the kernel for a free loopback port. */
export const findFreePort = freePort;

/** Polls `url` until it answers with any status, or fails after `timeoutMs`. */
export async function waitForHttp(url: string, pinned: Pinned, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (pinned.child.exitCode !== null) {
      throw new Error(`[bench] ${url}: server exited early:\n${pinned.output()}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`[bench] ${url} did not answer within ${timeoutMs} ms:\n${pinned.output()}`);
}

/** Runs a command to completion (bounded), returning stdout; throws with stderr on failure. */
export function runCommand(
  command: string,
  args: string[],
  options: SpawnOptions & { timeoutMs?: number } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    running.add(child);
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      running.delete(child);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      if (code === 0) resolve(out);
      else
        reject(
          new Error(
            `[bench] ${command} ${args.join(' ')} failed (${code ?? signal}):\n${err || out}`,
          ),
        );
    });
  });
}
