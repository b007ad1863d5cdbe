/**
 * Benchmark settings, read once from the environment. BENCH_QUICK=1 gives a ~2-minute smoke run;
 * every duration can also be set on its own (see README.md in this folder).
 */
export interface BenchConfig {
  quick: boolean;
  rounds: number;
  peers: string[];
  fileBytes: number;
  rangeBytes: number;
  rangeConnections: number;
  rangeSeconds: number;
  seekSamples: number;
  fullConnections: number;
  fullSeconds: number;
  listeners: number;
  listenerBytesPerSecond: number;
  listenSeconds: number;
  serverCpu: string;
  clientCpu: string;
}

/** `tapedeck` streams with a session cookie, `tapedeck-link` with a stream link (no cookie). */
export const ALL_PEERS = ['nginx', 'send', 'node-floor', 'go', 'tapedeck', 'tapedeck-link'];

export function resolveConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const quick = env.BENCH_QUICK === '1';
  const num = (name: string, full: number, smoke: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return quick ? smoke : full;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`[bench] ${name} must be > 0`);
    return value;
  };
  const peers = (env.BENCH_PEERS ?? ALL_PEERS.join(','))
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const peer of peers) {
    if (!ALL_PEERS.includes(peer)) {
      throw new Error(
        `[bench] BENCH_PEERS: unknown peer "${peer}" (known: ${ALL_PEERS.join(', ')})`,
      );
    }
  }
  return {
    quick,
    rounds: Math.round(num('BENCH_ROUNDS', 3, 1)),
    peers,
    fileBytes: 10 * 1024 * 1024,
    rangeBytes: 256 * 1024,
    rangeConnections: 32,
    rangeSeconds: num('BENCH_RANGE_SECONDS', 10, 3),
    seekSamples: Math.round(num('BENCH_SEEK_SAMPLES', 100, 30)),
    fullConnections: 8,
    fullSeconds: num('BENCH_FULL_SECONDS', 10, 3),
    listeners: Math.round(num('BENCH_LISTENERS', 500, 500)),
    listenerBytesPerSecond: 16 * 1024,
    listenSeconds: num('BENCH_LISTEN_SECONDS', 20, 6),
    serverCpu: env.BENCH_SERVER_CPU ?? '0',
    clientCpu: env.BENCH_CLIENT_CPU ?? '1',
  };
}
