import type { BenchConfig } from './config.ts';
import { median } from './lib/stats.ts';
import type { Machine } from './machine.ts';
import { METRICS, type Metric } from './metrics.ts';
import type { PeerRound } from './round.ts';

export interface ReportInput {
  cfg: BenchConfig;
  machine: Machine;
  command: string;
  date: string;
  minutes: number;
  loadAfter: string;
  /** Tapedeck's api/ version at each start; more than one means the code changed mid-run. */
  apiVersions: string[];
  rounds: PeerRound[];
}

/** The Markdown written to RESULTS.md: medians with ratios to nginx, then every round. */
export function formatReport(input: ReportInput): string {
  const { cfg, machine, rounds } = input;
  const peers = cfg.peers.filter((p) => rounds.some((r) => r.peer === p));
  const lines = [
    `# Stream route benchmark${cfg.quick ? ' (QUICK smoke run — not for comparison)' : ''}`,
    '',
    `- Date: ${input.date} (took ${input.minutes.toFixed(1)} min)`,
    `- Command: \`${input.command}\``,
    `- Machine: ${machine.nproc} CPUs, ${machine.cpu}, Linux ${machine.kernel}; load average ${machine.loadAverage} before, ${input.loadAfter} after`,
    `- Software: Node ${machine.node}, ${machine.nginx}, ${machine.go}; load generator ${machine.loadGenerator}`,
    `- Setup: one ${cfg.fileBytes / 1048576} MiB WAV; server pinned to CPU ${cfg.serverCpu}, clients to CPU ${cfg.clientCpu}; ${cfg.rounds} round(s), peers alternated ${peers.join(' → ')}, each started fresh per round`,
    ...formatApiVersions(input.apiVersions),
    '- In the browser (seek latency from the worker cache, time to play, client size, Lighthouse): [browser/RESULTS.md](browser/RESULTS.md), written by the second half of `npm run bench`',
    '- The access check on each stream request (session cookie, stream link): [AUTH-COST.md](AUTH-COST.md), written by `npx tsx test/bench/auth-cost.ts`',
    `- Workloads: (1) ${cfg.rangeConnections} keep-alive connections × ${cfg.rangeSeconds} s of random ${cfg.rangeBytes / 1024} KiB ranges; (2) ${cfg.seekSamples} × \`bytes=N-\` and \`bytes=0-1\` per round, each on a fresh connection; (3) ${cfg.fullConnections} connections × ${cfg.fullSeconds} s of full downloads; (4) ${cfg.listeners} listeners reading ${cfg.listenerBytesPerSecond / 1024} KiB/s for ${cfg.listenSeconds} s`,
    '',
    `Medians over rounds (errors and "fds back" are totals); in brackets, the ratio to nginx (×2.00 = twice nginx's value).`,
    '',
    `| Workload | Metric | ${peers.join(' | ')} |`,
    `| --- | --- | ${peers.map(() => '---:').join(' | ')} |`,
  ];
  for (const metric of METRICS) {
    const values = peers.map((p) =>
      summarise(
        metric,
        rounds.filter((r) => r.peer === p),
      ),
    );
    const reference = peers.includes('nginx') ? values[peers.indexOf('nginx')]! : Number.NaN;
    const cells = values.map((v) => formatCell(metric, v, reference));
    lines.push(`| ${metric.workload} | ${metric.label} | ${cells.join(' | ')} |`);
  }
  lines.push('', '## Every round', '', `| Metric | ${peers.join(' | ')} |`);
  lines.push(`| --- | ${peers.map(() => '---:').join(' | ')} |`);
  for (const metric of METRICS) {
    const cells = peers.map((p) =>
      rounds
        .filter((r) => r.peer === p)
        .map((r) => format(metric.read(r), metric.digits))
        .join(' / '),
    );
    lines.push(`| ${metric.workload.slice(0, 1)}: ${metric.label} | ${cells.join(' | ')} |`);
  }
  const notes = formatMessages(rounds);
  if (notes.length > 0) lines.push('', '## Error samples', '', ...notes);
  return `${lines.join('\n')}\n`;
}

function formatApiVersions(versions: string[]): string[] {
  if (versions.length === 0) return [];
  if (versions.length === 1) return [`- Tapedeck: api/ at ${versions[0]}`];
  return [
    `- **Tapedeck's api/ changed during the run; its rounds measured ${versions.length} versions:**`,
    ...versions.map((v) => `  - ${v}`),
  ];
}

function summarise(metric: Metric, rounds: PeerRound[]): number {
  const values = rounds.map((r) => metric.read(r));
  return metric.kind === 'sum' ? values.reduce((a, b) => a + b, 0) : median(values);
}

function formatCell(metric: Metric, value: number, reference: number): string {
  const text = format(value, metric.digits);
  if (metric.kind === 'sum' || !(reference > 0) || !Number.isFinite(value)) return text;
  return `${text} (×${(value / reference).toFixed(2)})`;
}

function format(value: number, digits: number): string {
  if (!Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function formatMessages(rounds: PeerRound[]): string[] {
  const out: string[] = [];
  for (const r of rounds) {
    for (const message of [...r.seek.messages, ...r.listeners.messages]) {
      out.push(`- round ${r.round} ${r.peer}: ${message}`);
    }
  }
  return out.slice(0, 20);
}
