/**
 * Where Tapedeck's stream route spends its CPU: runs the server under `node --cpu-prof` with
 * workload 1 (random 256 KiB ranges) and prints the top self-time functions, also written to
 * PROFILE.md. Run: `npx tsx test/bench/profile.ts` (BENCH_PROFILE_SECONDS, default 10;
 * BENCH_PROFILE_PEER=send profiles the send peer instead, printed only, for comparison).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from './config.ts';
import { describeApiVersion } from './lib/api-version.ts';
import {
  formatSelfTimeTable,
  nowMicros,
  type SelfTime,
  summariseByArea,
  summariseSelfTime,
} from './lib/cpu-profile.ts';
import { buildGo } from './lib/go-build.ts';
import { resolveTools } from './lib/prereqs.ts';
import { killAllChildren } from './lib/processes.ts';
import { diffThreadTimes, readThreadTimes } from './lib/thread-times.ts';
import { formatLoad } from './machine.ts';
import { startPeer } from './peers.ts';
import { writeWavFixture } from './wav-fixture.ts';
import { runThroughput } from './workloads/throughput.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));

async function main(): Promise<void> {
  const cfg = resolveConfig();
  const seconds = Number(process.env.BENCH_PROFILE_SECONDS ?? 10);
  const tools = resolveTools(false);
  const peerName = process.env.BENCH_PROFILE_PEER ?? 'tapedeck';
  if (peerName !== 'tapedeck' && peerName !== 'send') {
    throw new Error('[bench] BENCH_PROFILE_PEER must be tapedeck or send');
  }
  const tmpDir = await mkdtemp(join(tmpdir(), 'tapedeck-profile-'));
  try {
    const musicDir = join(tmpDir, 'music');
    const profileDir = join(tmpDir, 'profile');
    await mkdir(musicDir);
    await mkdir(profileDir);
    const filePath = join(musicDir, 'bench-tone.wav');
    await writeWavFixture(filePath, cfg.fileBytes);
    const loadgen = await buildGo(tools.go!, join(HERE, 'loadgen'), tmpDir, 'loadgen');
    const peer = await startPeer(peerName, {
      tmpDir,
      musicDir,
      filePath,
      cpu: cfg.serverCpu,
      tools,
      goBinary: '',
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
    });
    let result: Awaited<ReturnType<typeof runThroughput>>;
    let threads: ThreadRows;
    const window = { from: 0, to: 0 };
    try {
      const before = readThreadTimes(peer.pid);
      window.from = nowMicros();
      result = await runThroughput({
        tool: 'loadgen',
        binary: loadgen,
        cpu: cfg.clientCpu,
        url: peer.url,
        cookie: peer.cookie,
        mode: 'range',
        connections: cfg.rangeConnections,
        seconds,
        fileBytes: cfg.fileBytes,
        rangeBytes: cfg.rangeBytes,
      });
      window.to = nowMicros();
      threads = diffThreadTimes(before, readThreadTimes(peer.pid));
    } finally {
      // The server exits on SIGTERM, and only a clean exit writes the profile.
      await peer.stop(30_000);
    }
    const files = (await readdir(profileDir)).filter((f) => f.endsWith('.cpuprofile'));
    if (files.length === 0) throw new Error('[bench] the server wrote no .cpuprofile');
    const profile = JSON.parse(await readFile(join(profileDir, files[0]!), 'utf8'));
    const rows = summariseSelfTime(profile, window.from, window.to);
    const text = formatProfile(peerName, rows, threads, seconds, result);
    if (peerName === 'tapedeck') await writeFile(join(HERE, 'PROFILE.md'), text);
    console.log(text);
  } finally {
    killAllChildren();
    await rm(tmpDir, { recursive: true, force: true });
  }
}

type ThreadRows = ReturnType<typeof diffThreadTimes>;

function formatProfile(
  peerName: string,
  rows: SelfTime[],
  threads: ThreadRows,
  seconds: number,
  result: { requestsPerSecond: number; mibPerSecond: number; errors: number },
): string {
  const areas = summariseByArea(rows)
    .slice(0, 15)
    .map((a) => `| ${a.percent.toFixed(1)} | ${a.area} |`);
  return [
    `# ${peerName === 'tapedeck' ? 'Tapedeck stream route' : peerName}: CPU profile under workload 1`,
    '',
    `- Date: ${new Date().toISOString()}; command: \`npx tsx test/bench/profile.ts\`; load average ${formatLoad()}`,
    `- ${seconds} s of random 256 KiB ranges, 32 keep-alive connections, server under \`node --cpu-prof\`: ` +
      `${result.requestsPerSecond.toFixed(0)} req/s, ${result.mibPerSecond.toFixed(0)} MiB/s, ${result.errors} errors (profiling slows it down).`,
    ...(peerName === 'tapedeck' ? [`- Tapedeck: api/ at ${describeApiVersion()}`] : []),
    '- Only samples taken while the load ran (start-up and shutdown left out).',
    '',
    '## CPU time per thread during the workload',
    '',
    'From `/proc/<pid>/task/*/stat`. The profiler samples the main thread only; file reads,',
    'opens and closes run on the libuv threadpool, which shares CPU 0 with it. Other threads are',
    'all named `node` here (libuv threadpool and V8 platform workers together).',
    '',
    '| CPU s | Thread |',
    '| ---: | --- |',
    ...threads.map((t) => `| ${t.seconds.toFixed(2)} | ${t.thread} |`),
    '',
    '## By area (main thread samples)',
    '',
    '| Self % | Area |',
    '| ---: | --- |',
    ...areas,
    '',
    '## Top functions',
    '',
    formatSelfTimeTable(rows, 30),
    '',
  ].join('\n');
}

main().catch((error: unknown) => {
  killAllChildren();
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
