/**
 * Workload 1 only (random 256 KiB ranges), A/B: nginx, the Node floor (peers/node-floor.mjs), this
 * tree's Tapedeck and another checkout's
 * Tapedeck (BENCH_AB_OTHER=<path to its repository root>), alternated round by round so that the
 * load of a shared machine hits all three alike. Prints req/s per round and each ratio to nginx,
 * and requests per CPU-second of the server process (all its threads): on a machine others load,
 * req/s measures the contention as much as the server, while the CPU cost of a request does not
 * depend much on who else runs.
 * `npx tsx test/bench/ab-ranges.ts`; BENCH_ROUNDS (default 5), BENCH_RANGE_SECONDS (default 10).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signIn, TEST_ADMIN_ENV } from '../helpers/test-auth.ts';
import { resolveConfig } from './config.ts';
import { buildGo } from './lib/go-build.ts';
import { resolveTools } from './lib/prereqs.ts';
import { readCpuSeconds } from './lib/proc-stats.ts';
import {
  findFreePort,
  killAllChildren,
  spawnPinned,
  stopChild,
  waitForHttp,
} from './lib/processes.ts';
import { serverCommand } from './lib/server-command.ts';
import { startPeer } from './peers.ts';
import { writeWavFixture } from './wav-fixture.ts';
import { runThroughput } from './workloads/throughput.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const other = process.env.BENCH_AB_OTHER;
const cfg = resolveConfig();
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const tools = resolveTools(false);
const tmpDir = await mkdtemp(join(tmpdir(), 'tapedeck-ab-'));
try {
  const musicDir = join(tmpDir, 'music');
  await mkdir(musicDir);
  const filePath = join(musicDir, 'bench-tone.wav');
  await writeWavFixture(filePath, cfg.fileBytes);
  const goBinary = await buildGo(tools.go!, join(HERE, 'peers/go-server'), tmpDir, 'go-server');
  const loadgen = await buildGo(tools.go!, join(HERE, 'loadgen'), tmpDir, 'loadgen');
  const ctx = { tmpDir, musicDir, filePath, cpu: cfg.serverCpu, tools, goBinary };
  const names = ['nginx', 'node-floor', 'tapedeck', ...(other ? ['other'] : [])];
  const table: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const perCpu: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const name of names) {
      const peer = name === 'other' ? await startOther(other!, ctx) : await startPeer(name, ctx);
      try {
        for (let i = 0; i < 20; i++) {
          await fetch(peer.url, {
            headers: {
              range: `bytes=${i * 65536}-${i * 65536 + 65535}`,
              ...(peer.cookie ? { cookie: peer.cookie } : {}),
            },
          }).then((r) => r.arrayBuffer());
        }
        const cpuBefore = readCpuSeconds(peer.pid);
        const result = await runThroughput({
          tool: 'loadgen',
          binary: loadgen,
          cpu: cfg.clientCpu,
          url: peer.url,
          cookie: peer.cookie,
          mode: 'range',
          connections: cfg.rangeConnections,
          seconds: Number(process.env.BENCH_RANGE_SECONDS ?? 10),
          fileBytes: cfg.fileBytes,
          rangeBytes: cfg.rangeBytes,
        });
        if (result.errors > 0) throw new Error(`${name}: ${result.errors} errors`);
        const cpu = readCpuSeconds(peer.pid) - cpuBefore;
        const seconds = Number(process.env.BENCH_RANGE_SECONDS ?? 10);
        table[name]!.push(result.requestsPerSecond);
        perCpu[name]!.push((result.requestsPerSecond * seconds) / cpu);
        console.error(
          `round ${round} ${name}: ${Math.round(result.requestsPerSecond)} req/s, ` +
            `${Math.round(perCpu[name]!.at(-1)!)} req per CPU-second`,
        );
      } finally {
        await peer.stop();
      }
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const name of names) {
    const ratios = table[name]!.map((v, i) => v / table.nginx![i]!);
    const cpuRatios = perCpu[name]!.map((v, i) => v / perCpu.nginx![i]!);
    console.log(
      `${name}: req/s ${table[name]!.map(Math.round).join(' / ')}; ratio to nginx per round ` +
        `${ratios.map((r) => r.toFixed(2)).join(' / ')}; median ratio ${median(ratios).toFixed(2)}\n` +
        `${name}: req per CPU-second ${perCpu[name]!.map(Math.round).join(' / ')}; ratio to nginx ` +
        `${cpuRatios.map((r) => r.toFixed(2)).join(' / ')}; median ratio ${median(cpuRatios).toFixed(2)}`,
    );
  }
} finally {
  killAllChildren();
  await rm(tmpDir, { recursive: true, force: true });
}

/** Another checkout's Tapedeck, started as peers.ts starts this one. */
async function startOther(root: string, ctx: { tmpDir: string; musicDir: string; cpu: string }) {
  const port = await findFreePort();
  const pinned = spawnPinned(ctx.cpu, process.execPath, serverCommand(root), {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      MUSIC_DIR: ctx.musicDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      CACHE_DIR: join(ctx.tmpDir, `other-cache-${port}`),
      ...TEST_ADMIN_ENV,
    },
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/api/health`, pinned, 60_000);
  // A checkout from before accounts has no sign-in: it streams without a cookie.
  const cookie = await signIn(base).catch(() => undefined);
  const page = (await (
    await fetch(`${base}/api/songs`, { headers: cookie ? { cookie } : {} })
  ).json()) as { items: { streamUrl: string }[] };
  const url = base + page.items[0]!.streamUrl;
  await waitForHttp(url, pinned, 60_000);
  return { url, pid: pinned.pid, cookie, stop: () => stopChild(pinned) };
}
