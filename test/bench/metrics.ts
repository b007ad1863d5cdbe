import type { PeerRound } from './round.ts';

/** One row of the results table: how to read it from a round and how to show it. */
export interface Metric {
  workload: string;
  label: string;
  /** `higher`/`lower` is better; `sum` rows (errors) are totals over rounds, not medians. */
  kind: 'higher' | 'lower' | 'sum';
  digits: number;
  read(r: PeerRound): number;
}

export const METRICS: Metric[] = [
  m('1 random 256 KiB ranges', 'req/s', 'higher', 0, (r) => r.ranges.requestsPerSecond),
  m('1 random 256 KiB ranges', 'MiB/s', 'higher', 0, (r) => r.ranges.mibPerSecond),
  m('1 random 256 KiB ranges', 'latency p50 (ms)', 'lower', 2, (r) => r.ranges.p50Ms),
  m('1 random 256 KiB ranges', 'latency p99 (ms)', 'lower', 2, (r) => r.ranges.p99Ms),
  m('1 random 256 KiB ranges', 'errors', 'sum', 0, (r) => r.ranges.errors),
  m('2 seek, fresh connection', '`bytes=N-` TTFB p50 (ms)', 'lower', 2, (r) => r.seek.openP50Ms),
  m('2 seek, fresh connection', '`bytes=N-` TTFB p99 (ms)', 'lower', 2, (r) => r.seek.openP99Ms),
  m('2 seek, fresh connection', '`bytes=0-1` TTFB p50 (ms)', 'lower', 2, (r) => r.seek.probeP50Ms),
  m('2 seek, fresh connection', '`bytes=0-1` TTFB p99 (ms)', 'lower', 2, (r) => r.seek.probeP99Ms),
  m('2 seek, fresh connection', 'errors', 'sum', 0, (r) => r.seek.errors),
  m('3 full downloads', 'MiB/s', 'higher', 0, (r) => r.full.mibPerSecond),
  m('3 full downloads', 'errors', 'sum', 0, (r) => r.full.errors),
  m('4 slow listeners', 'peak RSS − idle (MiB)', 'lower', 1, (r) => r.listeners.peakRssDeltaMiB),
  m('4 slow listeners', 'RSS per listener (KiB)', 'lower', 1, (r) => r.listeners.rssPerListenerKiB),
  m('4 slow listeners', 'extra request TTH p50 (ms)', 'lower', 2, (r) => r.listeners.probeP50Ms),
  m('4 slow listeners', 'extra request TTH p99 (ms)', 'lower', 2, (r) => r.listeners.probeP99Ms),
  m('4 slow listeners', 'fds back to idle (rounds)', 'sum', 0, (r) =>
    r.listeners.fdsReturned ? 1 : 0,
  ),
  m('4 slow listeners', 'errors', 'sum', 0, (r) => r.listeners.errors),
];

function m(
  workload: string,
  label: string,
  kind: Metric['kind'],
  digits: number,
  read: Metric['read'],
): Metric {
  return { workload, label, kind, digits, read };
}
