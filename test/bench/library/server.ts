import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../helpers/free-port.ts';
import { signIn, TEST_ADMIN_ENV } from '../../helpers/test-auth.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export interface Server {
  child: ChildProcess;
  url: string;
  /** The session cookie of the admin the server was started with. */
  cookie: string;
  ms: number;
  output: () => string;
}

/**
 * Starts the server with WATCH=1 and the test admin, signs in once it listens (or reuses the
 * session of an earlier run on the same CACHE_DIR: sessions outlive a restart, and a restart is
 * not timed with a password hash in it), and waits until /api/health reports `songs`.
 */
export async function startServer(
  command: string[],
  env: { musicDir: string; cacheDir: string },
  songs: number,
  session?: string,
): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, command, {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...TEST_ADMIN_ENV,
      HOST: '127.0.0.1',
      PORT: String(port),
      MUSIC_DIR: env.musicDir,
      CACHE_DIR: env.cacheDir,
      WATCH: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 600_000;
  let cookie: string | null = session ?? null;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
    const listening = /is playing on/.test(output);
    if (listening) cookie ??= await signIn(url);
    const health = cookie
      ? await fetch(`${url}/api/health`, { headers: { cookie } }).then(
          (r) => r.json() as Promise<{ songs?: number }>,
          () => null,
        )
      : null;
    if (cookie && health?.songs === songs)
      return { child, url, cookie, ms: performance.now() - started, output: () => output };
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGKILL');
  throw new Error(`not healthy with ${songs} songs within 600 s:\n${output}`);
}

export async function waitForOutput(server: Server, pattern: RegExp, ms: number) {
  const deadline = Date.now() + ms;
  while (!pattern.test(server.output())) {
    if (Date.now() > deadline)
      throw new Error(`no ${pattern} within ${ms} ms:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
