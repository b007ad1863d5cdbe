import { fileURLToPath } from 'node:url';
import { runCommand } from '../lib/processes.ts';

const LUA_SCRIPT = fileURLToPath(new URL('./verify.lua', import.meta.url));

/**
 * Workloads 1 (random 256 KiB ranges) and 3 (full downloads): keep-alive load from one client
 * thread pinned to the client CPU, every response verified.
 * `loadgen` (Go, test/bench/loadgen) is the default; `wrk` + verify.lua does the same checks but
 * copies every body into Lua, which halves what it can drive (see README.md).
 */
export interface ThroughputOptions {
  tool: 'loadgen' | 'wrk';
  binary: string;
  cpu: string;
  url: string;
  /** A Cookie header value (a signed-in session), sent with every request. */
  cookie?: string;
  mode: 'range' | 'full';
  connections: number;
  seconds: number;
  fileBytes: number;
  rangeBytes: number;
}

export interface ThroughputResult {
  requestsPerSecond: number;
  /** Verified body bytes only. */
  mibPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Wrong status, Content-Range or body length, plus socket errors and timeouts. */
  errors: number;
}

export async function runThroughput(o: ThroughputOptions): Promise<ThroughputResult> {
  const args =
    o.tool === 'loadgen'
      ? ['-url', o.url, '-mode', o.mode, '-c', String(o.connections), '-d', `${o.seconds}s`].concat(
          o.cookie ? ['-cookie', o.cookie] : [],
        )
      : ['-t1', `-c${o.connections}`, `-d${o.seconds}s`, '--timeout', '10s', '--latency'].concat([
          '-s',
          LUA_SCRIPT,
          o.url,
          '--',
          o.mode,
        ]);
  const sizes =
    o.tool === 'loadgen'
      ? ['-size', String(o.fileBytes), '-span', String(o.rangeBytes)]
      : [String(o.fileBytes), String(o.rangeBytes)];
  const out = await runCommand('taskset', ['-c', o.cpu, o.binary, ...args, ...sizes], {
    timeoutMs: (o.seconds + 60) * 1000,
  });
  return parseThroughput(out, o.mode === 'range' ? o.rangeBytes : o.fileBytes);
}

/** Reads the BENCH_JSON line that both loadgen and verify.lua print. */
export function parseThroughput(out: string, bodyBytes: number): ThroughputResult {
  const line = out.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (!line) throw new Error(`[bench] load generator printed no BENCH_JSON line:\n${out}`);
  const r = JSON.parse(line.slice('BENCH_JSON '.length)) as Record<string, number>;
  const seconds = r.durationUs! / 1e6;
  return {
    requestsPerSecond: r.ok! / seconds,
    mibPerSecond: (r.ok! * bodyBytes) / seconds / (1024 * 1024),
    p50Ms: r.p50Us! / 1000,
    p99Ms: r.p99Us! / 1000,
    errors: r.bad! + r.socketErrors!,
  };
}
