/**
 * Scale-out benchmark (`npx tsx test/bench/cluster/run.ts`, third part of `npm run bench`): the
 * cluster's nginx range cache against one instance, object-store reads per listener, and 1 → 2
 * instances. Method and settings in ../README.md ("Scale-out"); writes cluster/RESULTS.md.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../api/cluster/free-port.ts';
import { startNginx } from '../../../api/cluster/nginx.ts';
import { signIn } from '../../helpers/test-auth.ts';
import { buildGo } from '../lib/go-build.ts';
import { resolveTools } from '../lib/prereqs.ts';
import { describeMachine, formatLoad } from '../machine.ts';
import { writeWavFixture } from '../wav-fixture.ts';
import { runThroughput } from '../workloads/throughput.ts';
import { measureCpu } from './cpu.ts';
import { type ListenerResult, runListeners } from './listeners.ts';
import { formatClusterReport, type Round } from './report.ts';
import { startBenchCluster } from './setup.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const log = (message: string) => console.error(`[bench:cluster] ${message}`);
const quick = process.env.BENCH_QUICK === '1';
const cfg = {
  rounds: Number(process.env.BENCH_ROUNDS ?? (quick ? 1 : 3)),
  seconds: Number(process.env.BENCH_RANGE_SECONDS ?? (quick ? 3 : 10)),
  listeners: Number(process.env.BENCH_LISTENERS ?? 16),
  connections: 32,
  rangeBytes: 256 * 1024,
  fileBytes: 10 * 1024 * 1024,
};

const tools = resolveTools(false);
const began = Date.now();
const dir = await mkdtemp(join(tmpdir(), 'tapedeck-bench-cluster-'));
const songPath = join(dir, 'bench.wav');
await writeWavFixture(songPath, cfg.fileBytes);
log('building the load generator');
const loadgen = await buildGo(tools.go!, join(HERE, '../loadgen'), dir, 'loadgen');
log('starting redis, s3rver, two instances and nginx');
const cluster = await startBenchCluster(dir, new Uint8Array(await readFile(songPath)));
try {
  const base = (port: number) => `http://127.0.0.1:${port}`;
  // Every request signed in, as a listener's: the stream check (auth_request) is part of the cost.
  const cookie = await signIn(base(cluster.instances[0]!.port), cluster.admin);
  const headers = { cookie };
  const page = await fetch(`${base(cluster.instances[0]!.port)}/api/songs`, { headers });
  const song = ((await page.json()) as { items: { streamUrl: string; size: number }[] }).items[0]!;
  const versioned = song.streamUrl;
  const bare = versioned.replace(/\?.*$/, '');
  const load = (url: string) =>
    runThroughput({
      tool: 'loadgen',
      binary: loadgen,
      cpu: '0,1',
      url,
      mode: 'range',
      connections: cfg.connections,
      seconds: cfg.seconds,
      fileBytes: cfg.fileBytes,
      rangeBytes: cfg.rangeBytes,
      cookie,
    });
  const pids = {
    'instance 1': cluster.instances[0]!.pid,
    'instance 2': cluster.instances[1]!.pid,
    'nginx (both)': cluster.nginxBoth.pid,
    'nginx (one)': cluster.nginxOne.pid,
    s3rver: cluster.s3.pid,
    redis: cluster.redis.pid,
  };
  const rounds: Round[] = [];
  for (let round = 1; round <= cfg.rounds; round++) {
    log(`round ${round}/${cfg.rounds}`);
    // Warm every slice.
    await (await fetch(base(cluster.nginxBoth.port) + versioned, { headers })).arrayBuffer();
    const cached = await measureCpu(pids, () => load(base(cluster.nginxBoth.port) + versioned));
    const direct = await measureCpu(pids, () => load(base(cluster.instances[0]!.port) + versioned));
    const one = await measureCpu(pids, () => load(base(cluster.nginxOne.port) + bare));
    const two = await measureCpu(pids, () => load(base(cluster.nginxBoth.port) + bare));
    const listeners = await listenersRound(round, versioned, song.size, cookie);
    rounds.push({ round, cached, direct, one, two, ...listeners });
  }
  const report = formatClusterReport({
    cfg,
    machine: describeMachine(tools, 'loadgen'),
    date: new Date().toISOString(),
    minutes: (Date.now() - began) / 60_000,
    loadAfter: formatLoad(),
    rounds,
  });
  const out = join(HERE, quick ? 'RESULTS.quick.md' : 'RESULTS.md');
  await writeFile(out, report);
  console.log(report);
  log(`written to ${out}`);
} finally {
  for (const child of cluster.children.reverse()) await child.stop(3000);
  await rm(dir, { recursive: true, force: true });
}

/** Listeners through a fresh nginx (cold cache), then straight to the instances. */
async function listenersRound(
  round: number,
  path: string,
  size: number,
  cookie: string,
): Promise<{ listenersCache: ListenerResult; listenersDirect: ListenerResult }> {
  const port = await freePort();
  const upstreams = cluster.instances.map((i) => `127.0.0.1:${i.port}`);
  const nginx = await startNginx({ port, upstreams, dir: join(dir, `nginx-cold-${round}`) });
  try {
    const s3 = cluster.s3.port;
    const listenersCache = await runListeners(
      [`http://127.0.0.1:${port}${path}`],
      size,
      cfg.listeners,
      s3,
      cookie,
    );
    const direct = cluster.instances.map((i) => `http://127.0.0.1:${i.port}${path}`);
    const listenersDirect = await runListeners(direct, size, cfg.listeners, s3, cookie);
    return { listenersCache, listenersDirect };
  } finally {
    await nginx.stop(3000);
  }
}
