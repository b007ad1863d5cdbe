/**
 * Where Tapedeck's stream route spends its CPU: runs the server under `node --cpu-prof` with
 * workload 1 (random 256 KiB ranges) and prints the top self-time functions, also written to
 * PROFILE.md. Run: `npx tsx test/bench/profile.ts` (BENCH_PROFILE_SECONDS, default 10).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from './config.ts';
import {
  formatSelfTimeTable,
  type SelfTime,
  summariseByArea,
  summariseSelfTime,
} from './lib/cpu-profile.ts';
import { buildGo } from './lib/go-build.ts';
import { resolveTools } from './lib/prereqs.ts';
import { killAllChildren } from './lib/processes.ts';
import { startPeer } from './peers.ts';
import { writeWavFixture } from './wav-fixture.ts';
import { runThroughput } from './workloads/throughput.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));

async function main(): Promise<void> {
  const cfg = resolveConfig();
  const seconds = Number(process.env.BENCH_PROFILE_SECONDS ?? 10);
  const tools = resolveTools(false);
  const tmpDir = await mkdtemp(join(tmpdir(), 'tapedeck-profile-'));
  try {
    const musicDir = join(tmpDir, 'music');
    const profileDir = join(tmpDir, 'profile');
    await mkdir(musicDir);
    await mkdir(profileDir);
    const filePath = join(musicDir, 'bench-tone.wav');
    await writeWavFixture(filePath, cfg.fileBytes);
    const loadgen = await buildGo(tools.go!, join(HERE, 'loadgen'), tmpDir, 'loadgen');
    const peer = await startPeer('tapedeck', {
      tmpDir,
      musicDir,
      filePath,
      cpu: cfg.serverCpu,
      tools,
      goBinary: '',
      tapedeckNodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
    });
    let result: Awaited<ReturnType<typeof runThroughput>>;
    try {
      result = await runThroughput({
        tool: 'loadgen',
        binary: loadgen,
        cpu: cfg.clientCpu,
        url: peer.url,
        mode: 'range',
        connections: cfg.rangeConnections,
        seconds,
        fileBytes: cfg.fileBytes,
        rangeBytes: cfg.rangeBytes,
      });
    } finally {
      // The server exits on SIGTERM, and only a clean exit writes the profile.
      await peer.stop(30_000);
    }
    const files = (await readdir(profileDir)).filter((f) => f.endsWith('.cpuprofile'));
    if (files.length === 0) throw new Error('[bench] the server wrote no .cpuprofile');
    const profile = JSON.parse(await readFile(join(profileDir, files[0]!), 'utf8'));
    const rows = summariseSelfTime(profile);
    const text = formatProfile(rows, seconds, result);
    await writeFile(join(HERE, 'PROFILE.md'), text);
    console.log(text);
  } finally {
    killAllChildren();
    await rm(tmpDir, { recursive: true, force: true });
  }
}

function formatProfile(
  rows: SelfTime[],
  seconds: number,
  result: { requestsPerSecond: number; mibPerSecond: number; errors: number },
): string {
  const areas = summariseByArea(rows)
    .slice(0, 15)
    .map((a) => `| ${a.percent.toFixed(1)} | ${a.area} |`);
  return [
    '# Tapedeck stream route: CPU profile under workload 1',
    '',
    `- Date: ${new Date().toISOString()}; command: \`npx tsx test/bench/profile.ts\``,
    `- ${seconds} s of random 256 KiB ranges, 32 keep-alive connections, server under \`node --cpu-prof\`: ` +
      `${result.requestsPerSecond.toFixed(0)} req/s, ${result.mibPerSecond.toFixed(0)} MiB/s, ${result.errors} errors (profiling slows it down).`,
    '- Self time of the whole server process, start-up and scan included.',
    '',
    '## By area',
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
