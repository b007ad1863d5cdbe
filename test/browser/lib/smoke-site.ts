import { createServer, type Server } from 'node:http';
import { createToneWav } from './wav.ts';

/**
 * A throwaway site for the smoke test: a page with nested open shadow roots, a service worker that
 * answers `/ping` itself and builds every `/worker-tone.wav` response (200 without Range, 206 for
 * `bytes=a-b`) from the network copy, and the tone itself with Range support.
 */
const PAGE = `<!doctype html><meta charset="utf-8"><title>smoke</title>
<smoke-outer></smoke-outer>
<audio id="td-audio" preload="auto" crossorigin="anonymous"></audio>
<script>
customElements.define('smoke-outer', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<smoke-inner></smoke-inner>'; }
});
customElements.define('smoke-inner', class extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<button data-testid="deep-button" data-clicks="0">deep</button>';
    const button = root.querySelector('button');
    button.addEventListener('click', () => { button.dataset.clicks = String(Number(button.dataset.clicks) + 1); });
  }
});
navigator.serviceWorker.register('/sw.js');
</script>`;

const WORKER = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.pathname === '/ping') event.respondWith(new Response('pong from worker'));
  if (url.pathname === '/worker-tone.wav') event.respondWith(answer(event.request));
});
async function answer(request) {
  const body = new Uint8Array(await (await fetch('/tone.wav')).arrayBuffer());
  const headers = { 'Content-Type': 'audio/wav', 'Accept-Ranges': 'bytes' };
  const m = /^bytes=(\\d*)-(\\d*)$/.exec(request.headers.get('range') || '');
  if (!m) return new Response(body, { status: 200, headers: { ...headers, 'Content-Length': String(body.length) } });
  const size = body.length;
  let start = m[1] ? Number(m[1]) : Math.max(0, size - Number(m[2]));
  let end = m[1] && m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
  if (start >= size) return new Response(null, { status: 416, headers: { 'Content-Range': 'bytes */' + size } });
  return new Response(body.slice(start, end + 1), { status: 206, headers: { ...headers,
    'Content-Range': 'bytes ' + start + '-' + end + '/' + size, 'Content-Length': String(end - start + 1) } });
}`;

export interface SmokeSite {
  readonly origin: string;
  /** Request lines (`path range`) the site has seen, for diagnostics. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startSmokeSite(): Promise<SmokeSite> {
  const tone = createToneWav(8);
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    requests.push(`${path} ${request.headers.range ?? ''}`.trim());
    if (path === '/tone.wav') {
      response.writeHead(200, { 'Content-Type': 'audio/wav', 'Content-Length': tone.length });
      response.end(tone);
    } else if (path === '/' || path === '/sw.js') {
      const [type, body] = path === '/' ? ['text/html', PAGE] : ['text/javascript', WORKER];
      response.writeHead(200, {
        'Content-Type': `${type}; charset=utf-8`,
        'Cache-Control': 'no-store',
      });
      response.end(body);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
