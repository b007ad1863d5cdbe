import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Commands under way, so a run that is stopped early can end them. */
const running = new Set<number>();
let stopping = false;

/** Kills every command `runBounded` still has running (and what they started). */
export function killRunning(): void {
  stopping = true;
  for (const pid of running) killTree(pid);
  running.clear();
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  label: string;
}

/**
 * Runs a command to completion within `timeoutMs`; on timeout it kills the command and everything
 * it started (Lighthouse's Chromium included), by pid. Rejects on a non-zero exit.
 */
export function runBounded(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<{ stdout: string; stderr: string }> {
  if (stopping) return Promise.reject(new Error(`${options.label}: the run is stopping`));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid) running.add(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child.pid!);
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${options.label}: ${error.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      running.delete(child.pid!);
      if (code === 0) return resolve({ stdout, stderr });
      const why = timedOut
        ? `timed out after ${options.timeoutMs / 1000} s`
        : `exit ${code ?? signal}`;
      reject(new Error(`${options.label}: ${why}\n${tail(stderr || stdout)}`));
    });
  });
}

/** SIGKILLs `pid` and all its descendants (found through /proc), children first. */
export function killTree(pid: number): void {
  for (const id of [...descendants(pid).reverse(), pid]) {
    try {
      process.kill(id, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the command name (field 2) may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(fields[1]));
    } catch {
      // exited while we looked
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [child, ppid] of parentOf) {
      if (ppid === parent && !found.includes(child)) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

function tail(text: string, lines = 20): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
