import { runNodeClient } from '../clients/run-client.ts';
import { countFds, readRssBytes } from '../lib/proc-stats.ts';
import { median } from '../lib/stats.ts';

export interface ListenersResult {
  /** Peak server RSS during the run minus its idle RSS just before. */
  peakRssDeltaMiB: number;
  rssPerListenerKiB: number;
  /** Time to response headers of fresh `bytes=0-1` requests while the listeners play. */
  probeP50Ms: number;
  probeP99Ms: number;
  fdsBefore: number;
  fdsAfter: number;
  /** Whether the open fds came back to the idle count within FD_SETTLE_MS of the disconnect. */
  fdsReturned: boolean;
  errors: number;
  messages: string[];
}

interface ClientResult {
  playing: number;
  probeP50Ms: number;
  probeP99Ms: number;
  errors: number;
  messages: string[];
}

const SAMPLE_MS = 200;
const FD_SETTLE_MS = 5000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Workload 4: many slow listeners (clients/slow-listeners.ts) while the server's RSS is sampled. */
export async function runListeners(o: {
  cpu: string;
  pid: number;
  url: string;
  cookie?: string;
  fileBytes: number;
  listeners: number;
  bytesPerSecond: number;
  seconds: number;
}): Promise<ListenersResult> {
  // Idle baseline: the median of a few samples, so one GC does not set it.
  const idle: number[] = [];
  for (let i = 0; i < 5; i++) {
    idle.push(readRssBytes(o.pid));
    await sleep(SAMPLE_MS);
  }
  const baseline = median(idle);
  const fdsBefore = countFds(o.pid);
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, readRssBytes(o.pid));
  }, SAMPLE_MS);
  let client: ClientResult;
  try {
    client = await runNodeClient<ClientResult>(
      o.cpu,
      './slow-listeners.ts',
      {
        url: o.url,
        cookie: o.cookie,
        size: o.fileBytes,
        listeners: o.listeners,
        bytesPerSecond: o.bytesPerSecond,
        seconds: o.seconds,
      },
      (o.seconds + 60) * 1000,
    );
  } finally {
    clearInterval(sampler);
  }
  const { fds, returned } = await waitForFds(o.pid, fdsBefore);
  const delta = peak - baseline;
  return {
    peakRssDeltaMiB: delta / (1024 * 1024),
    rssPerListenerKiB: delta / 1024 / o.listeners,
    probeP50Ms: client.probeP50Ms,
    probeP99Ms: client.probeP99Ms,
    fdsBefore,
    fdsAfter: fds,
    fdsReturned: returned,
    errors: client.errors,
    messages: client.messages,
  };
}

async function waitForFds(
  pid: number,
  baseline: number,
): Promise<{ fds: number; returned: boolean }> {
  const deadline = Date.now() + FD_SETTLE_MS;
  let fds = countFds(pid);
  while (fds > baseline && Date.now() < deadline) {
    await sleep(100);
    fds = countFds(pid);
  }
  return { fds, returned: fds <= baseline };
}
