/**
 * Slow listeners client (workload 4), run pinned in its own process. Opens `listeners` GETs with
 * `bytes=0-` and reads each at about `bytesPerSecond` (pausing the stream, so TCP backpressure
 * reaches the server). While they play, fresh `bytes=0-1` probes measure time to response headers.
 * After `seconds`, every listener is destroyed.
 * Input (argv[2], JSON): { url, size, listeners, bytesPerSecond, seconds }. Output: BENCH_JSON line.
 */
import { Agent, type ClientRequest, request } from 'node:http';
import { percentile } from '../lib/stats.ts';

interface Input {
  url: string;
  /** A signed-in session's Cookie header value, if the server needs one. */
  cookie?: string;
  size: number;
  listeners: number;
  bytesPerSecond: number;
  seconds: number;
}

const input = JSON.parse(process.argv[2]!) as Input;
const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
const session: Record<string, string> = input.cookie ? { cookie: input.cookie } : {};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const requests: ClientRequest[] = [];
/** Listeners with a valid response whose stream is still open. */
let playing = 0;
let probeErrors = 0;
let stopping = false;
const messages: string[] = [];
const note = (message: string) => {
  if (!stopping && messages.length < 3) messages.push(message);
};

function listen(): void {
  const req = request(input.url, { agent, headers: { range: 'bytes=0-', ...session } });
  requests.push(req);
  let healthy = false;
  const broken = (message: string) => {
    if (stopping) return;
    note(`listener: ${message}`);
    if (healthy) playing--;
    healthy = false;
  };
  req.on('error', (e) => broken(e.message));
  req.on('response', (res) => {
    res.on('error', (e) => broken(e.message));
    const ok =
      res.statusCode === 206 &&
      res.headers['content-range'] === `bytes 0-${input.size - 1}/${input.size}` &&
      Number(res.headers['content-length']) === input.size;
    if (!ok) return broken(`${res.statusCode} ${res.headers['content-range']}`);
    healthy = true;
    playing++;
    const began = Date.now();
    let received = 0;
    res.on('data', (chunk: Buffer) => {
      received += chunk.length;
      const ahead = (received / input.bytesPerSecond) * 1000 - (Date.now() - began);
      if (ahead > 0) {
        res.pause();
        setTimeout(() => res.resume(), ahead);
      }
    });
    res.on('end', () => broken('stream ended early'));
  });
  req.end();
}

/** Time to response headers of one fresh `bytes=0-1`, body checked. */
function probe(): Promise<number> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const req = request(input.url, {
      agent: false,
      headers: { range: 'bytes=0-1', ...session },
      timeout: 10_000,
    });
    req.on('timeout', () => req.destroy(new Error('probe timeout')));
    req.on('error', reject);
    req.on('response', (res) => {
      const elapsed = performance.now() - began;
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
      });
      res.on('end', () => {
        if (res.statusCode === 206 && received === 2) resolve(elapsed);
        else reject(new Error(`probe: ${res.statusCode}, ${received} bytes`));
      });
    });
    req.end();
  });
}

// Ramp up in batches so the listen backlog (511 on node and nginx) never overflows.
for (let i = 0; i < input.listeners; i++) {
  listen();
  if (i % 50 === 49) await sleep(50);
}
// One probe every PROBE_EVERY_MS whatever the previous ones do, so a slow answer is sampled as
// often as a fast one (at most MAX_PROBES_OPEN in flight).
const PROBE_EVERY_MS = 100;
const MAX_PROBES_OPEN = 20;
const deadline = Date.now() + input.seconds * 1000;
const probes: number[] = [];
const pending = new Set<Promise<void>>();
while (Date.now() < deadline) {
  if (pending.size < MAX_PROBES_OPEN) {
    const done: Promise<void> = probe()
      .then((ms) => {
        probes.push(ms);
      })
      .catch((error: Error) => {
        probeErrors++;
        note(error.message);
      })
      .finally(() => pending.delete(done));
    pending.add(done);
  }
  await sleep(PROBE_EVERY_MS);
}
await Promise.all(pending);
stopping = true;
const result = {
  playing,
  probeP50Ms: percentile(probes, 50),
  probeP99Ms: percentile(probes, 99),
  probes: probes.length,
  errors: probeErrors + (input.listeners - playing),
  messages,
};
for (const req of requests) req.destroy();
console.log(`BENCH_JSON ${JSON.stringify(result)}`);
// Give the FINs a moment to leave before the process ends.
await sleep(200);
process.exit(0);
