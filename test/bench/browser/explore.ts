import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:47811';
const args = ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync','--autoplay-policy=no-user-gesture-required'];
const block = process.argv[2] === 'block';
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'tdx-')), { executablePath: '/usr/bin/chromium', headless: true, args, serviceWorkers: block ? 'block' : 'allow' });
ctx.on('request', (r) => { if (r.url().includes('/songs/listen')) console.log('REQ', r.serviceWorker() ? 'sw' : 'page', r.headers()['range'], r.url().slice(-30)); });
const page = ctx.pages()[0]!;
page.on('console', (m) => console.log('console', m.text()));
await page.goto(base);
const fn = `(() => { globalThis.__name = (t) => t; })()`;
await page.evaluate(fn);
if (!block) console.log('controller', await page.evaluate(() => navigator.serviceWorker?.ready.then(() => !!navigator.serviceWorker.controller)));
const id = 'FU87PnjMBc0iHuYz';
const row = page.locator(`td-song-row[data-song-id="${id}"]`);
await row.locator('[data-testid="play-song"]').click();
if (!block) { await page.locator(`td-song-row[data-song-id="${id}"][data-offline="complete"]`).waitFor({ timeout: 60000 }); console.log('complete'); }
await page.waitForTimeout(1000);
if (!block) { await page.reload(); await page.waitForTimeout(500); console.log('ctl', await page.evaluate(() => !!navigator.serviceWorker.controller)); }
for (let i = 0; i < 8; i++) {
  const r = await page.evaluate(async ([i, url]) => {
    const a = document.getElementById('td-audio') as HTMLAudioElement;
    const bufs = () => { const b: string[] = []; for (let k = 0; k < a.buffered.length; k++) b.push(`${a.buffered.start(k).toFixed(1)}-${a.buffered.end(k).toFixed(1)}`); return b.join(','); };
    a.pause();
    a.src = `${url}?t=${Math.random()}`;
    const tl = performance.now();
    await new Promise((r) => a.addEventListener('loadedmetadata', r, { once: true }));
    const metaMs = performance.now() - tl;
    const atMeta = bufs();
    const target = [150, 30, 190, 100, 60, 120, 80, 170][i]!;
    const t0 = performance.now();
    a.currentTime = target;
    void a.play();
    await new Promise((r) => a.addEventListener('playing', r, { once: true }));
    const playMs = performance.now() - t0;
    return { metaMs, atMeta, playMs, after: bufs() };
  }, [i, '/songs/listen/' + id] as const);
  console.log(JSON.stringify(r));
}
await ctx.close();
