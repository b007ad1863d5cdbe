import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signIn, TEST_ADMIN_ENV } from '../helpers/test-auth.ts';
import { findFreePort, type Pinned, spawnPinned, stopChild, waitForHttp } from './lib/processes.ts';
import { serverCommand } from './lib/server-command.ts';
import { formatNginxConf } from './peers/nginx-conf.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEND_SERVER = fileURLToPath(new URL('./peers/send-server.mjs', import.meta.url));
const NODE_FLOOR = fileURLToPath(new URL('./peers/node-floor.mjs', import.meta.url));

export interface PeerContext {
  tmpDir: string;
  /** Folder holding only the fixture: Tapedeck's MUSIC_DIR. */
  musicDir: string;
  filePath: string;
  cpu: string;
  tools: Record<string, string>;
  goBinary: string;
  /** Extra node flags for the Node peers, send and Tapedeck (the profiler uses --cpu-prof). */
  nodeArgs?: string[];
}

export interface RunningPeer {
  name: string;
  pid: number;
  /** Absolute URL of the song's stream. */
  url: string;
  /** The Cookie header every request sends (Tapedeck's signed-in session). */
  cookie?: string;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const STARTUP_MS = 60_000;
/** Any id works for the three reference peers; Tapedeck's comes from its catalog. */
const REFERENCE_ID = 'bench-song';

export async function startPeer(name: string, ctx: PeerContext): Promise<RunningPeer> {
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  let pinned: Pinned;
  let url = `${base}/songs/listen/${REFERENCE_ID}`;
  if (name === 'nginx') {
    const dir = join(ctx.tmpDir, `nginx-${port}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'nginx.conf'), formatNginxConf(dir, port, ctx.filePath));
    const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')];
    pinned = spawnPinned(ctx.cpu, ctx.tools.nginx!, args);
  } else if (name === 'send' || name === 'node-floor') {
    const script = name === 'send' ? SEND_SERVER : NODE_FLOOR;
    const args = [...(ctx.nodeArgs ?? []), script, ctx.filePath, String(port)];
    pinned = spawnPinned(ctx.cpu, process.execPath, args, { cwd: REPO_ROOT });
  } else if (name === 'go') {
    pinned = spawnPinned(ctx.cpu, ctx.goBinary, [ctx.filePath, String(port)]);
  } else if (name === 'tapedeck' || name === 'tapedeck-link') {
    pinned = startTapedeck(ctx, port);
  } else {
    throw new Error(`[bench] unknown peer ${name}`);
  }
  const stop = (graceMs?: number) => stopChild(pinned, graceMs);
  let cookie: string | undefined;
  try {
    if (name.startsWith('tapedeck')) {
      // Signed in, as a listener is: with the session cookie, or (tapedeck-link) with a stream
      // link and no cookie at all.
      await waitForHttp(`${base}/api/health`, pinned, STARTUP_MS);
      cookie = await signIn(base);
      const path = await findTapedeckStream(base, pinned, cookie);
      if (name === 'tapedeck-link') {
        url = base + (await streamLink(base, path, cookie));
        cookie = undefined;
      } else url = base + path;
    }
    await waitForHttp(url, pinned, STARTUP_MS);
  } catch (error) {
    await stop();
    throw error;
  }
  return { name, pid: pinned.pid, url, cookie, stop };
}

/**
 * One node process (not `npx tsx`, which adds two parents) so its pid is the server's own, running
 * what `npm start` runs (lib/server-command.ts).
 */
function startTapedeck(ctx: PeerContext, port: number): Pinned {
  const cacheDir = join(ctx.tmpDir, `tapedeck-cache-${port}`);
  const args = [...(ctx.nodeArgs ?? []), ...serverCommand()];
  return spawnPinned(ctx.cpu, process.execPath, args, {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      MUSIC_DIR: ctx.musicDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      CACHE_DIR: cacheDir,
      ...TEST_ADMIN_ENV,
    },
  });
}

/** Waits for the scan to list the fixture, then returns its streamUrl. */
async function findTapedeckStream(base: string, pinned: Pinned, cookie: string): Promise<string> {
  const deadline = Date.now() + STARTUP_MS;
  let last = '';
  while (Date.now() < deadline) {
    const res = await fetch(`${base}/api/songs`, {
      headers: { cookie },
      signal: AbortSignal.timeout(5000),
    });
    last = `${res.status} ${await res.text()}`;
    if (res.ok) {
      const page = JSON.parse(last.slice(4)) as { items?: { id: string; streamUrl?: string }[] };
      const song = page.items?.[0];
      if (song) return song.streamUrl ?? `/songs/listen/${song.id}`;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `[bench] Tapedeck never listed the fixture; last /api/songs: ${last}\n${pinned.output()}`,
  );
}

/** A signed stream link for the song at `path` (POST /api/songs/:id/link). */
async function streamLink(base: string, path: string, cookie: string): Promise<string> {
  const id = /\/songs\/listen\/([^/?]+)/.exec(path)?.[1];
  const res = await fetch(`${base}/api/songs/${id}/link`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
  });
  if (!res.ok)
    throw new Error(`[bench] stream link for ${path}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { url: string }).url;
}
