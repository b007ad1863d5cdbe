/**
 * Stream route benchmark (`npm run bench`): Tapedeck against nginx, send and Go's ServeContent.
 * See README.md in this folder for the workloads and the BENCH_* settings.
 */
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from './config.ts';
import { describeApiVersion } from './lib/api-version.ts';
import { buildGo } from './lib/go-build.ts';
import { resolveTools } from './lib/prereqs.ts';
import { killAllChildren } from './lib/processes.ts';
import { describeMachine, formatLoad } from './machine.ts';
import { type PeerContext, startPeer } from './peers.ts';
import { formatReport } from './report.ts';
import { type LoadTool, type PeerRound, runPeerRound } from './round.ts';
import { writeWavFixture } from './wav-fixture.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const log = (message: string) => console.error(`[bench] ${message}`);
/** Removed on exit, also when interrupted. */
let tmpDirToRemove: string | undefined;

async function main(): Promise<void> {
  const cfg = resolveConfig();
  const loadToolName = process.env.BENCH_LOADGEN === 'wrk' ? 'wrk' : 'loadgen';
  const tools = resolveTools(loadToolName === 'wrk');
  const began = Date.now();
  const tmpDir = await mkdtemp(join(tmpdir(), 'tapedeck-bench-'));
  tmpDirToRemove = tmpDir;
  try {
    const musicDir = join(tmpDir, 'music');
    await mkdir(musicDir);
    const filePath = join(musicDir, 'bench-tone.wav');
    await writeWavFixture(filePath, cfg.fileBytes);
    log('building the Go peer and load generator');
    const goBinary = await buildGo(tools.go!, join(HERE, 'peers/go-server'), tmpDir, 'go-server');
    const load: LoadTool =
      loadToolName === 'wrk'
        ? { tool: 'wrk', binary: tools.wrk! }
        : {
            tool: 'loadgen',
            binary: await buildGo(tools.go!, join(HERE, 'loadgen'), tmpDir, 'loadgen'),
          };
    const machine = describeMachine(tools, loadToolName);
    const ctx: PeerContext = { tmpDir, musicDir, filePath, cpu: cfg.serverCpu, tools, goBinary };
    const rounds: PeerRound[] = [];
    const apiVersions = new Set<string>();
    for (let round = 1; round <= cfg.rounds; round++) {
      for (const name of cfg.peers) {
        log(`round ${round}/${cfg.rounds}: starting ${name}`);
        if (name === 'tapedeck') apiVersions.add(describeApiVersion());
        const peer = await startPeer(name, ctx);
        try {
          rounds.push(await runPeerRound(peer, round, cfg, load, log));
        } finally {
          await peer.stop();
        }
      }
    }
    const report = formatReport({
      cfg,
      machine,
      command: formatCommand(),
      date: new Date().toISOString(),
      minutes: (Date.now() - began) / 60_000,
      loadAfter: formatLoad(),
      apiVersions: [...apiVersions],
      rounds,
    });
    const out = process.env.BENCH_OUT ?? join(HERE, cfg.quick ? 'RESULTS.quick.md' : 'RESULTS.md');
    await writeFile(out, report);
    console.log(report);
    log(`written to ${out}`);
  } finally {
    killAllChildren();
    await rm(tmpDir, { recursive: true, force: true });
  }
}

/** The command line as typed, with the BENCH_* settings that shaped this run. */
function formatCommand(): string {
  const settings = Object.entries(process.env)
    .filter(([key]) => key.startsWith('BENCH_'))
    .map(([key, value]) => `${key}=${value}`);
  const base =
    process.env.npm_lifecycle_event === 'bench' ? 'npm run bench' : 'npx tsx test/bench/run.ts';
  return [...settings, base].join(' ');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllChildren();
    if (tmpDirToRemove) rmSync(tmpDirToRemove, { recursive: true, force: true });
    process.exit(130);
  });
}

main().catch((error: unknown) => {
  killAllChildren();
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
