import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { waitForController, withBrowser } from './browser.ts';

export interface SizedFile {
  /** URL path, or `index.html <style>` for CSS inlined in the page. */
  name: string;
  kind: 'js' | 'css';
  /** How it is loaded: a tag in index.html, inline, or fetched by the running app (dynamic import). */
  via: 'tag' | 'inline' | 'dynamic';
  raw: number;
  gzip: number;
}

export interface BundleSize {
  files: SizedFile[];
  /** Every JS and CSS byte of the first load, gzipped file by file at level 9. */
  firstLoadGzip: number;
  jsGzip: number;
  cssGzip: number;
  html: { raw: number; gzip: number };
  worker: { raw: number; gzip: number };
}

/**
 * Sizes what a first visit downloads: the scripts, module preloads and stylesheets index.html
 * names (CSS that Lit keeps in JS is counted as JS), CSS inlined in a `<style>`, and the chunks
 * the running app imports at start-up (seen in Chromium). The worker is reported on its own.
 */
export async function measureBundleSize(distDir: string, baseUrl: string): Promise<BundleSize> {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files: SizedFile[] = [];
  for (const path of parseAssetPaths(html)) {
    files.push(sizeFile(distDir, path, path.endsWith('.css') ? 'css' : 'js', 'tag'));
  }
  for (const [i, css] of parseInlineStyles(html).entries()) {
    const bytes = Buffer.from(css);
    files.push({
      name: `index.html <style> #${i + 1}`,
      kind: 'css',
      via: 'inline',
      raw: bytes.length,
      gzip: gzip(bytes),
    });
  }
  for (const path of await observeFirstLoad(baseUrl)) {
    if (files.some((f) => f.name === path)) continue;
    files.push(sizeFile(distDir, path, path.endsWith('.css') ? 'css' : 'js', 'dynamic'));
  }
  const sum = (kind?: 'js' | 'css') =>
    files.filter((f) => !kind || f.kind === kind).reduce((total, f) => total + f.gzip, 0);
  const worker = readFileSync(join(distDir, 'sw.js'));
  return {
    files,
    firstLoadGzip: sum(),
    jsGzip: sum('js'),
    cssGzip: sum('css'),
    html: { raw: Buffer.byteLength(html), gzip: gzip(Buffer.from(html)) },
    worker: { raw: worker.length, gzip: gzip(worker) },
  };
}

/** Same-origin `src`/`href` of `<script>`, and of `<link rel=modulepreload|stylesheet>`. */
export function parseAssetPaths(html: string): string[] {
  const paths: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag);
    const rel = attribute(tag, 'rel')?.toLowerCase() ?? '';
    if (!isScript && !['modulepreload', 'stylesheet'].includes(rel)) continue;
    const url = attribute(tag, isScript ? 'src' : 'href');
    if (url && !/^[a-z]+:|^\/\//i.test(url)) paths.push(url.startsWith('/') ? url : `/${url}`);
  }
  return [...new Set(paths)];
}

export function parseInlineStyles(html: string): string[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!);
}

/** Script and stylesheet paths a first visit fetches until the worker controls the page. */
async function observeFirstLoad(baseUrl: string): Promise<string[]> {
  return withBrowser('allow', async ({ page }) => {
    const seen = new Set<string>();
    page.on('request', (request) => {
      const url = new URL(request.url());
      const type = request.resourceType();
      const asset = type === 'script' || type === 'stylesheet';
      // The worker script is sized on its own.
      if (url.origin === baseUrl && asset && url.pathname !== '/sw.js') {
        seen.add(url.pathname);
      }
    });
    await page.goto(baseUrl, { waitUntil: 'networkidle' });
    await waitForController(page);
    return [...seen];
  });
}

function sizeFile(distDir: string, path: string, kind: 'js' | 'css', via: SizedFile['via']) {
  const bytes = readFileSync(join(distDir, decodeURIComponent(path)));
  return { name: path, kind, via, raw: bytes.length, gzip: gzip(bytes) };
}

function gzip(bytes: Buffer): number {
  return gzipSync(bytes, { level: 9 }).length;
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[2] ?? match[3] ?? match[4] ?? '') : null;
}
