import { median } from '../lib/stats.ts';
import type { Machine } from '../machine.ts';
import type { ThroughputResult } from '../workloads/throughput.ts';
import type { ListenerResult } from './listeners.ts';

type Measured = { result: ThroughputResult; cpu: Record<string, number> };

export interface Round {
  round: number;
  /** Random ranges through nginx, every slice cached. */
  cached: Measured;
  /** The same, straight to instance 1 (each range a ranged GET to the store). */
  direct: Measured;
  /** Through nginx, cache bypassed, one instance behind it, then two. */
  one: Measured;
  two: Measured;
  listenersCache: ListenerResult;
  listenersDirect: ListenerResult;
}

interface ReportInput {
  cfg: { rounds: number; seconds: number; listeners: number; connections: number };
  machine: Machine;
  date: string;
  minutes: number;
  loadAfter: string;
  rounds: Round[];
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The Markdown written to cluster/RESULTS.md: medians over rounds, then every round. */
export function formatClusterReport(input: ReportInput): string {
  const { cfg, machine, rounds } = input;
  const med = (pick: (round: Round) => number) => median(rounds.map(pick));
  const rps = (key: 'cached' | 'direct' | 'one' | 'two') =>
    med((r) => r[key].result.requestsPerSecond);
  const row = (name: string, key: 'cached' | 'direct' | 'one' | 'two', peer: number) => {
    const value = rps(key);
    const p50 = med((r) => r[key].result.p50Ms);
    const p99 = med((r) => r[key].result.p99Ms);
    const mib = med((r) => r[key].result.mibPerSecond);
    const errors = rounds.reduce((sum, r) => sum + r[key].result.errors, 0);
    return `| ${name} | ${fmt(value)} | ${fmt(mib)} | ${fmt(p50, 2)} | ${fmt(p99, 2)} | ×${fmt(value / peer, 2)} | ${errors} |`;
  };
  const cpuRow = (key: 'cached' | 'direct' | 'one' | 'two') => {
    const names = Object.keys(rounds[0]![key].cpu);
    const shares = names.map(
      (name) => `${name} ${fmt(med((r) => r[key].cpu[name]!) / cfg.seconds, 2)}`,
    );
    // Every process of the stack (not loadgen) for each MiB it served: steadier than req/s when
    // the run got only part of the machine.
    const msPerMib = med((r) => {
      const cpu = Object.values(r[key].cpu).reduce((sum, seconds) => sum + seconds, 0);
      return (cpu * 1000) / (r[key].result.mibPerSecond * cfg.seconds);
    });
    return `| ${key} | ${fmt(msPerMib, 1)} | ${shares.join(' · ')} |`;
  };
  const listenerRow = (name: string, key: 'listenersCache' | 'listenersDirect') =>
    `| ${name} | ${fmt(
      med((r) => r[key].getsPerListener),
      2,
    )} | ${fmt(
      med((r) => r[key].songsPerListener),
      2,
    )} | ${rounds.reduce((s, r) => s + r[key].errors, 0)} |`;
  return [
    '# Scale-out benchmark',
    '',
    `- Date: ${input.date} (took ${fmt(input.minutes, 1)} min)`,
    '- Command: `npx tsx test/bench/cluster/run.ts` (the third part of `npm run bench`)',
    `- Machine: ${machine.nproc} CPUs, ${machine.cpu}, Linux ${machine.kernel}; load average ${machine.loadAverage} before, ${input.loadAfter} after`,
    `- Software: Node ${machine.node}, nginx ${machine.nginx}, ${machine.go}; redis-server and s3rver 3.7 as the cluster runs them`,
    `- Setup: one 10 MiB WAV in s3rver; redis-server; two instances (STORAGE=s3, REDIS_URL); nginx with the shipped configuration (1 MiB slices) in front of both, and a second nginx in front of instance 1 only; nothing pinned (everything shares the ${machine.nproc} CPUs); ${cfg.rounds} round(s)`,
    `- Load: loadgen (Go), ${cfg.connections} keep-alive connections × ${cfg.seconds} s of random 256 KiB ranges, every response checked`,
    '',
    '## Random ranges: the cache against one instance, and one instance against two',
    '',
    'Medians over rounds. "cached": through nginx, every slice in its cache. "direct": straight to',
    'one instance (every range a signed ranged GET to the store). "one" and "two": through nginx with',
    'the cache bypassed (no `v=` in the URL), one instance behind it, then two.',
    '',
    '| Path | req/s | MiB/s | p50 (ms) | p99 (ms) | ratio | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('cached (nginx, warm)', 'cached', rps('direct')),
    row('direct (one instance)', 'direct', rps('direct')),
    row('one instance behind nginx', 'one', rps('one')),
    row('two instances behind nginx', 'two', rps('one')),
    '',
    'CPU: all processes, in ms per MiB served (the figure that does not depend on how much of the',
    'machine the run got), and each process per second of load (1.00 = one core), medians:',
    '',
    '| Run | CPU ms per MiB | CPU by process |',
    '| --- | ---: | --- |',
    cpuRow('cached'),
    cpuRow('direct'),
    cpuRow('one'),
    cpuRow('two'),
    '',
    `## Object-store reads per listener (${cfg.listeners} listeners play the same song at once)`,
    '',
    '| Path | S3 GETs per listener | songs read from S3 per listener | errors |',
    '| --- | ---: | ---: | ---: |',
    listenerRow('through nginx (cold cache)', 'listenersCache'),
    listenerRow('straight to the instances', 'listenersDirect'),
    '',
    '## Every round',
    '',
    '| Round | cached req/s | direct req/s | one req/s | two req/s | GETs/listener (nginx, direct) |',
    '| ---: | ---: | ---: | ---: | ---: | --- |',
    ...rounds.map(
      (r) =>
        `| ${r.round} | ${fmt(r.cached.result.requestsPerSecond)} | ${fmt(r.direct.result.requestsPerSecond)} | ${fmt(r.one.result.requestsPerSecond)} | ${fmt(r.two.result.requestsPerSecond)} | ${fmt(r.listenersCache.getsPerListener, 2)}, ${fmt(r.listenersDirect.getsPerListener, 2)} |`,
    ),
    '',
  ].join('\n');
}
