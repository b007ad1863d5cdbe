/**
 * Seek latency client (workload 2), run pinned in its own process. For each sample, on a fresh
 * connection: time to the first body byte of `bytes=N-` (random N), then of `bytes=0-1`.
 * Every response's status, Content-Range and Content-Length are checked.
 * Input (argv[2], JSON): { url, size, samples }. Output: one BENCH_JSON line.
 */
import { request } from 'node:http';
import { percentile } from '../lib/stats.ts';

interface Input {
  url: string;
  /** A signed-in session's Cookie header value, if the server needs one. */
  cookie?: string;
  size: number;
  samples: number;
}

const input = JSON.parse(process.argv[2]!) as Input;
const TIMEOUT_MS = 10_000;

/** Milliseconds to the first body byte, or an Error when the answer is wrong. */
function timeFirstByte(range: string, want: { start: number; end: number }): Promise<number> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const headers = { range, ...(input.cookie ? { cookie: input.cookie } : {}) };
    const req = request(input.url, { agent: false, headers, timeout: TIMEOUT_MS });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.on('response', (res) => {
      const expected = `bytes ${want.start}-${want.end}/${input.size}`;
      const length = Number(res.headers['content-length']);
      if (
        res.statusCode !== 206 ||
        res.headers['content-range'] !== expected ||
        length !== want.end - want.start + 1
      ) {
        req.destroy();
        reject(new Error(`${range}: ${res.statusCode} ${res.headers['content-range']} ${length}`));
        return;
      }
      // Destroying the request mid-body aborts the response; that is expected here.
      res.on('error', () => {});
      let elapsed = 0;
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        if (received === 0) elapsed = performance.now() - began;
        received += chunk.length;
        // Long answers: the first byte is all we wait for. Short ones: check the whole body.
        if (length > 65_536) {
          req.destroy();
          resolve(elapsed);
        }
      });
      res.on('end', () => {
        if (received === length) resolve(elapsed);
        else reject(new Error(`${range}: body ${received} bytes, expected ${length}`));
      });
    });
    req.end();
  });
}

const open: number[] = [];
const probe: number[] = [];
let errors = 0;
const messages: string[] = [];
for (let i = 0; i < input.samples; i++) {
  const start = Math.floor(Math.random() * input.size);
  const cases: [string, { start: number; end: number }, number[]][] = [
    [`bytes=${start}-`, { start, end: input.size - 1 }, open],
    ['bytes=0-1', { start: 0, end: 1 }, probe],
  ];
  for (const [range, want, into] of cases) {
    try {
      into.push(await timeFirstByte(range, want));
    } catch (error) {
      errors++;
      if (messages.length < 3) messages.push((error as Error).message);
    }
  }
}
const result = {
  openP50Ms: percentile(open, 50),
  openP99Ms: percentile(open, 99),
  probeP50Ms: percentile(probe, 50),
  probeP99Ms: percentile(probe, 99),
  samples: open.length + probe.length,
  errors,
  messages,
};
console.log(`BENCH_JSON ${JSON.stringify(result)}`);
