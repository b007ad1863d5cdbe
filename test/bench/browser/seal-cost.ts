import { withTimeout } from './bounded.ts';
import { withBrowser } from './browser.ts';
import type { BenchSong } from './server.ts';
import { median, percentile } from './stats.ts';

export interface SealCost {
  chunks: number;
  rounds: number;
  /** Median over rounds of the song's throughput, MB/s (1 MB = 10^6 bytes). */
  fill: { plain: number; sealed: number; ratio: number };
  read: { plain: number; sealed: number; ratio: number };
  /** AES-GCM of one 256 KiB chunk, ms: p50 / p95 over every chunk of every round. */
  seal: { p50: number | null; p95: number | null };
  open: { p50: number | null; p95: number | null };
}

/**
 * Page function: the worker's steps for one song, chunk by chunk, plain then sealed, in turns:
 * fill = ranged fetch from the server → (seal: AES-GCM with a random IV and the chunk's key URL
 * as additional data, as sw/seal.ts does) → Cache Storage put; read = match → body → (open).
 * Sequential on both paths, so the difference is the sealing alone; the order alternates by round.
 */
export const sealCostInPage = async (args: {
  url: string;
  size: number;
  chunk: number;
  rounds: number;
}) => {
  const { url, size, chunk, rounds } = args;
  const count = Math.ceil(size / chunk);
  const raw = crypto.getRandomValues(new Uint8Array(32));
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  const aad = (i: number) => new TextEncoder().encode(`tapedeck/1\0chunk\0https://bench/${i}`);
  const times = { plainFill: [] as number[], sealedFill: [] as number[] };
  const reads = { plainRead: [] as number[], sealedRead: [] as number[] };
  const seal: number[] = [];
  const open: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // Alternate which path goes first, so a busy spell or a warm cache favours neither.
    for (const sealed of round % 2 === 0 ? [false, true] : [true, false]) {
      const name = `tapedeck-bench-${round}-${sealed}`;
      const cache = await caches.open(name);
      let started = performance.now();
      for (let i = 0; i < count; i++) {
        const range = `bytes=${i * chunk}-${Math.min(size, (i + 1) * chunk) - 1}`;
        const response = await fetch(`${url}?seal-bench=${round}`, { headers: { Range: range } });
        let body = new Uint8Array(await response.arrayBuffer());
        if (sealed) {
          const at = performance.now();
          const iv = crypto.getRandomValues(new Uint8Array(12));
          const params = { name: 'AES-GCM', iv, additionalData: aad(i) };
          const cipher = new Uint8Array(await crypto.subtle.encrypt(params, key, body));
          body = new Uint8Array(12 + cipher.byteLength);
          body.set(iv);
          body.set(cipher, 12);
          seal.push(performance.now() - at);
        }
        await cache.put(`https://bench/${i}`, new Response(body));
      }
      (sealed ? times.sealedFill : times.plainFill).push(performance.now() - started);
      started = performance.now();
      for (let i = 0; i < count; i++) {
        const stored = new Uint8Array(
          await (await cache.match(`https://bench/${i}`))!.arrayBuffer(),
        );
        if (!sealed) continue;
        const at = performance.now();
        const params = { name: 'AES-GCM', iv: stored.subarray(0, 12), additionalData: aad(i) };
        await crypto.subtle.decrypt(params, key, stored.subarray(12));
        open.push(performance.now() - at);
      }
      (sealed ? reads.sealedRead : reads.plainRead).push(performance.now() - started);
      await caches.delete(name);
    }
  }
  return { count, ...times, ...reads, seal, open };
};

/** Runs it in a fresh Chromium with service workers blocked (the page fetches from the server). */
export async function measureSealCost(
  baseUrl: string,
  song: BenchSong,
  rounds: number,
): Promise<SealCost> {
  return withBrowser('block', async ({ page }) => {
    await page.goto(`${baseUrl}/?bench=seal`);
    const r = await withTimeout(
      page.evaluate(sealCostInPage, {
        url: `${baseUrl}${song.streamUrl}`,
        size: song.size,
        chunk: 256 * 1024,
        rounds,
      }),
      120_000,
      'seal cost',
    );
    const mbps = (ms: number[]) => song.size / 1e6 / ((median(ms) ?? Number.NaN) / 1000);
    const fill = { plain: mbps(r.plainFill), sealed: mbps(r.sealedFill) };
    const read = { plain: mbps(r.plainRead), sealed: mbps(r.sealedRead) };
    return {
      chunks: r.count,
      rounds,
      fill: { ...fill, ratio: fill.sealed / fill.plain },
      read: { ...read, ratio: read.sealed / read.plain },
      seal: { p50: percentile(r.seal, 50), p95: percentile(r.seal, 95) },
      open: { p50: percentile(r.open, 50), p95: percentile(r.open, 95) },
    };
  });
}
