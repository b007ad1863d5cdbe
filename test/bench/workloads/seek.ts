import { runNodeClient } from '../clients/run-client.ts';

export interface SeekResult {
  /** Time to first byte of `bytes=N-` on a fresh connection. */
  openP50Ms: number;
  openP99Ms: number;
  /** Time to first byte of `bytes=0-1` on a fresh connection. */
  probeP50Ms: number;
  probeP99Ms: number;
  errors: number;
  messages: string[];
}

/** Workload 2: sequential seeks, each on a fresh connection (clients/seek-client.ts). */
export function runSeek(o: {
  cpu: string;
  url: string;
  cookie?: string;
  fileBytes: number;
  samples: number;
}): Promise<SeekResult> {
  return runNodeClient<SeekResult>(
    o.cpu,
    './seek-client.ts',
    { url: o.url, cookie: o.cookie, size: o.fileBytes, samples: o.samples },
    o.samples * 2 * 10_000 + 30_000,
  );
}
