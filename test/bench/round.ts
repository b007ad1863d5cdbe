import type { BenchConfig } from './config.ts';
import type { RunningPeer } from './peers.ts';
import { type ListenersResult, runListeners } from './workloads/listeners.ts';
import { runSeek, type SeekResult } from './workloads/seek.ts';
import { runThroughput, type ThroughputResult } from './workloads/throughput.ts';

export interface PeerRound {
  peer: string;
  round: number;
  ranges: ThroughputResult;
  seek: SeekResult;
  full: ThroughputResult;
  listeners: ListenersResult;
}

export interface LoadTool {
  tool: 'loadgen' | 'wrk';
  binary: string;
}

/**
 * All four workloads against one freshly started peer. The memory workload goes first, so
 * "idle RSS" is that of a server that has only answered the warm-up requests.
 */
export async function runPeerRound(
  peer: RunningPeer,
  round: number,
  cfg: BenchConfig,
  load: LoadTool,
  log: (message: string) => void,
): Promise<PeerRound> {
  await warmUp(peer.url, peer.cookie);
  const cpu = cfg.clientCpu;
  const step = (name: string) => log(`  round ${round} ${peer.name}: ${name}`);
  step(`${cfg.listeners} slow listeners, ${cfg.listenSeconds} s`);
  const listeners = await runListeners({
    cpu,
    pid: peer.pid,
    url: peer.url,
    cookie: peer.cookie,
    fileBytes: cfg.fileBytes,
    listeners: cfg.listeners,
    bytesPerSecond: cfg.listenerBytesPerSecond,
    seconds: cfg.listenSeconds,
  });
  step(`seek latency, ${cfg.seekSamples} × 2 fresh connections`);
  const seek = await runSeek({
    cpu,
    url: peer.url,
    cookie: peer.cookie,
    fileBytes: cfg.fileBytes,
    samples: cfg.seekSamples,
  });
  const common = {
    ...load,
    cpu,
    url: peer.url,
    cookie: peer.cookie,
    fileBytes: cfg.fileBytes,
    rangeBytes: cfg.rangeBytes,
  };
  step(`random ranges, ${cfg.rangeConnections} connections, ${cfg.rangeSeconds} s`);
  const ranges = await runThroughput({
    ...common,
    mode: 'range',
    connections: cfg.rangeConnections,
    seconds: cfg.rangeSeconds,
  });
  step(`full downloads, ${cfg.fullConnections} connections, ${cfg.fullSeconds} s`);
  const full = await runThroughput({
    ...common,
    mode: 'full',
    connections: cfg.fullConnections,
    seconds: cfg.fullSeconds,
  });
  return { peer: peer.name, round, ranges, seek, full, listeners };
}

/** A few requests so that lazy code paths (JIT, first file open) are not timed. */
async function warmUp(url: string, cookie?: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const res = await fetch(url, {
      headers: {
        range: `bytes=${i * 65_536}-${i * 65_536 + 65_535}`,
        ...(cookie ? { cookie } : {}),
      },
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    if (res.status !== 206)
      throw new Error(`[bench] warm-up: ${url} answered ${res.status} to a Range`);
  }
}
