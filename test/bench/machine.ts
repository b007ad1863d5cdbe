import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, release } from 'node:os';

export interface Machine {
  nproc: number;
  cpu: string;
  kernel: string;
  node: string;
  nginx: string;
  go: string;
  loadGenerator: string;
  loadAverage: string;
}

/** What the numbers were measured on. */
export function describeMachine(tools: Record<string, string>, loadTool: string): Machine {
  return {
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    kernel: release(),
    node: process.version,
    nginx: versionOf(tools.nginx!, ['-v']).replace('nginx version: ', ''),
    go: versionOf(tools.go!, ['version']).replace('go version ', ''),
    loadGenerator:
      loadTool === 'wrk'
        ? `wrk + verify.lua (${versionOf(tools.wrk!, ['-v']).split(' ')[1] ?? '?'})`
        : 'loadgen (Go, this folder)',
    loadAverage: formatLoad(),
  };
}

export function formatLoad(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

function versionOf(binary: string, args: string[]): string {
  const r = spawnSync(binary, args, { encoding: 'utf8', timeout: 10_000 });
  // nginx -v and wrk -v print on stderr.
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n')[0]!.trim();
}
