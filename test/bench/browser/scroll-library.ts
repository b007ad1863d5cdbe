/**
 * Browsing a 100 000-song library in Chromium: the songs view scrolled end to end and the albums
 * grid (10 000 albums) scrolled end to end, counting the page's elements and its long tasks; the
 * flat list this client replaced (PEER) scrolled as far as it gets in the same time, as the peer.
 * The API is synthetic (synthetic-server.ts): this measures the client, not the server.
 * Run: `npx tsx test/bench/browser/scroll-library.ts` (about 3 minutes). Prints a Markdown section.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../browser/adapters/chromium.ts';
import { CHROMIUM_PATH, chromiumVersion } from './browser.ts';
import { runBounded } from './processes.ts';
import { LONG_TASK_OBSERVER, type ScrollResult, scrollToEnd } from './scroll-probe.ts';
import { buildClient, repoRoot } from './server.ts';
import { createSyntheticLibrary } from './synthetic-library.ts';
import { type SyntheticServer, startSyntheticServer } from './synthetic-server.ts';
import { mainThreadTasks, type TaskTimes } from './task-trace.ts';

const SONGS = 100_000;
/** The client before issue 12: one flat song list that grows as it scrolls. */
const PEER_COMMIT = 'cf61c0b';
const VIEWPORT = { width: 1280, height: 800 };
/** Screens per scroll step: every step brings a screenful not rendered before (a fast fling). */
const STEP_VIEWPORTS = 16;
const LIMIT_MS = 6 * 60_000;

/** Page function: how far a list of song rows got (synthetic ids are `s<index>`). */
const songProbe = () => {
  let max = -1;
  const visit = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.getAttribute('data-testid') === 'song-row')
        max = Math.max(max, Number(el.getAttribute('data-song-id')?.slice(1)));
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return { passed: max + 1, last: max >= 0 ? `s${max}` : null };
};

/** Page function: the same for album cards (`al<index>`). */
const albumProbe = () => {
  let max = -1;
  const visit = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      const id = el.getAttribute('data-album-id');
      if (id) max = Math.max(max, Number(id.slice(2)));
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return { passed: max + 1, last: max >= 0 ? `al${max}` : null };
};

type Probe = () => { passed: number; last: string | null };
type Measured = ScrollResult & { cpu: TaskTimes };

/**
 * Opens `path` in a fresh Chromium, waits for the first items, and scrolls to the end (or
 * `maxItems`, or `limitMs`) while tracing the renderer's main thread: each task's CPU time says
 * what the page itself cost, whatever else the shared machine was doing meanwhile.
 */
async function measure(
  server: SyntheticServer,
  path: string,
  probe: Probe,
  limits: { limitMs: number; maxItems?: number },
): Promise<Measured> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
    await context.addInitScript({ content: `globalThis.__name = (t) => t; ${LONG_TASK_OBSERVER}` });
    const page: Page = await context.newPage();
    await page.goto(server.url + path);
    await page.waitForFunction(`(${probe.toString()})().passed > 0`, null, { timeout: 60_000 });
    await browser.startTracing(page, { categories: ['toplevel'] });
    const scroll = await scrollToEnd(page, { viewportsPerStep: STEP_VIEWPORTS, probe, ...limits });
    const cpu = mainThreadTasks(await browser.stopTracing());
    return { ...scroll, cpu };
  } finally {
    await browser.close();
  }
}

/** The peer's client, built from git at PEER_COMMIT into a temp folder. */
async function buildPeer(work: string): Promise<string> {
  const src = join(work, 'peer-src');
  execFileSync(
    'sh',
    [
      '-c',
      `mkdir -p ${src} && git archive ${PEER_COMMIT} client sw api vite.config.ts package.json tsconfig.json | tar -x -C ${src}`,
    ],
    { cwd: repoRoot },
  );
  symlinkSync(join(repoRoot, 'node_modules'), join(src, 'node_modules'));
  const out = join(work, 'peer-dist');
  await runBounded(
    join(repoRoot, 'node_modules/.bin/vite'),
    ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: src,
      timeoutMs: 120_000,
      label: 'vite build (peer)',
    },
  );
  return out;
}

function row(label: string, r: Measured, total: number): string {
  const reached =
    r.itemsPassed >= total
      ? `end (${r.lastItem})`
      : `${r.itemsPassed.toLocaleString('en')} of ${total.toLocaleString('en')}`;
  const cells = [
    label,
    reached,
    `${r.seconds.toFixed(0)} s, ${r.steps} steps`,
    r.maxElements.toLocaleString('en'),
    `${r.cpu.longestCpuMs} ms`,
    `${r.cpu.p99CpuMs} ms`,
    `${r.cpu.over200CpuMs} / ${r.cpu.over100CpuMs} / ${r.cpu.over50CpuMs}`,
    `${r.longestTaskMs} ms (${r.tasksOver200Ms} over 200 ms)`,
  ];
  return `| ${cells.join(' | ')} |`;
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0]!.toFixed(1);
  const work = mkdtempSync(join(tmpdir(), 'tapedeck-bench-scroll-'));
  const servers: SyntheticServer[] = [];
  try {
    const ours = join(work, 'dist');
    await buildClient(ours);
    const peer = await buildPeer(work);
    const library = createSyntheticLibrary(SONGS);
    const [mine, theirs] = await Promise.all([
      startSyntheticServer(ours, library),
      startSyntheticServer(peer, library),
    ]);
    servers.push(mine, theirs);
    const songs = await measure(mine, '/songs', songProbe, { limitMs: LIMIT_MS });
    const pages = mine.requests.filter((r) => r.startsWith('/api/songs?')).length;
    const albums = await measure(mine, '/albums', albumProbe, { limitMs: LIMIT_MS });
    // The peer gets as long as ours took for the songs; both are compared at the depth it reached.
    const peerSongs = await measure(theirs, '/', songProbe, {
      limitMs: Math.max(60_000, songs.seconds * 1000),
    });
    const oursAtPeerDepth = await measure(mine, '/songs', songProbe, {
      limitMs: LIMIT_MS,
      maxItems: peerSongs.itemsPassed,
    });
    const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(3) : 'n/a');
    console.log(`### Browsing ${SONGS.toLocaleString('en')} songs (${library.albums.toLocaleString('en')} albums) — ${new Date().toISOString().slice(0, 10)}

${chromiumVersion()}, headless, ${VIEWPORT.width}×${VIEWPORT.height}, no service worker, synthetic API on loopback. Each step scrolls ${STEP_VIEWPORTS} screens and waits two frames (and, at the bottom, for the list to stop growing). Elements are counted in the whole page, shadow roots included. Task times come from a \`toplevel\` trace of the renderer main thread: a task is a \`RunTask\` event with the microtask checkpoint that follows it (where Lit and the virtualizer render); CPU time (\`tdur\`) is the page's own work; wall time (the page's Long Tasks API) also holds whatever else the shared machine ran meanwhile (load average ${loadAtStart} at the start, ${loadavg()[0]!.toFixed(1)} at the end, on ${availableParallelism()} cores). Peer: the flat song list before issue 12 (git ${PEER_COMMIT}), given as long as ours took.

| View | Reached | Time | Most elements | Longest task (CPU) | p99 task (CPU) | Tasks over 200 / 100 / 50 ms (CPU) | Longest task (wall, Long Tasks API) |
| --- | --- | --- | --- | --- | --- | --- | --- |
${row('Songs (ours, virtualised)', songs, SONGS)}
${row('Albums grid (ours, virtualised)', albums, library.albums)}
${row(`Songs (peer, flat list)`, peerSongs, SONGS)}
${row(`Songs (ours, to the peer's depth)`, oursAtPeerDepth, SONGS)}

At the depth the peer reached (${peerSongs.itemsPassed.toLocaleString('en')} songs) ours holds ${ratio(oursAtPeerDepth.maxElements, peerSongs.maxElements)}× the peer's elements; its longest task (CPU) is ${ratio(oursAtPeerDepth.cpu.longestCpuMs, peerSongs.cpu.longestCpuMs)}× the peer's.
The songs scroll fetched ${pages} pages of 100 (of ${SONGS / 100}): only those of the screens it stopped on.
`);
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
