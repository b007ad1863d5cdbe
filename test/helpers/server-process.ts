import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.ts';
import { signIn, TEST_ADMIN_ENV } from './test-auth.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

type ServerEnvFactory = () => Record<string, string> | Promise<Record<string, string>>;
let defaultEnv: ServerEnvFactory = () => ({});

/**
 * Settings every server process of the calling test file gets, under those its `env` names: the
 * Redis reruns of a suite give REDIS_URL (test/api/auth/on-redis/on-redis.ts).
 */
export function useServerEnv(factory: ServerEnvFactory) {
  defaultEnv = factory;
}

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  /** `Cookie` header value of a session of the test admin (empty with `signIn: false`). */
  cookie: string;
  /** fetch() on this server with the test admin's cookie. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

/**
 * Starts `api/server.ts` as its own process (as `npm start` does) with the test admin
 * (ADMIN_USERNAME/ADMIN_PASSWORD), waits for /api/health and signs in (`cookie`). `runAs` runs it
 * as another (unprivileged) user through `setpriv` (Debian: util-linux), which execs node: the pid
 * is the server's.
 */
export async function startServerProcess(
  env: Record<string, string>,
  {
    runAs,
    signIn: withSession = true,
    entry = ['--import', 'tsx', 'api/server.ts'],
  }: {
    runAs?: { uid: number; gid: number };
    signIn?: boolean;
    /** Node's arguments (default: the sources through tsx; a build: its server.js). */
    entry?: string[];
  } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const node = [process.execPath, ...entry];
  const [command, ...args] = runAs
    ? ['setpriv', `--reuid=${runAs.uid}`, `--regid=${runAs.gid}`, '--clear-groups', ...node]
    : node;
  const child = spawn(command!, args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      WATCH: '0',
      ...TEST_ADMIN_ENV,
      ...(await defaultEnv()),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const scheme = env.TLS_CERT ? 'https' : 'http';
  const url = `${scheme}://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => output);
  const cookie = withSession ? await signIn(url) : '';
  return {
    url,
    port,
    pid: child.pid!,
    cookie,
    fetch: (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
      return fetch(url + path, { ...init, headers });
    },
    output: () => output,
    stop: (graceMs = 5000) => stopProcess(child, graceMs),
  };
}

export async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    const ok = await probe(`${url}/api/health`);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become healthy within 30 s:\n${output()}`);
}

/** GET → 200? Over https too, trusting whatever certificate the test server has (loopback only). */
async function probe(url: string): Promise<boolean> {
  const { get } = url.startsWith('https:') ? await import('node:https') : await import('node:http');
  return new Promise((resolve) => {
    const req = get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
  });
}

function stopProcess(child: ChildProcess, graceMs: number): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', (code) => {
      clearTimeout(kill);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}
