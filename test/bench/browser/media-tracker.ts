import type { BrowserContext, Page, Request } from 'playwright-core';

/** Which way the song bytes went during one phase of a measurement. */
export interface MediaTraffic {
  /** Media requests the page made (CDP), whoever answered them. */
  pageRequests: number;
  /** …of which the service worker answered. */
  answeredByWorker: number;
  /** …of which asked for `bytes=N-` with N > 0 (a seek, or Chromium asking for the rest). */
  rangeRequests: number;
  /** Song requests the worker itself sent to the server. */
  workerFetches: number;
}

export interface MediaTracker {
  /** Counts since the last reset. */
  snapshot(): MediaTraffic;
  reset(): void;
}

const STREAM = '/songs/listen/';

/**
 * Watches song traffic: the page's media requests through CDP (which says whether the worker
 * answered), and the worker's own fetches through Playwright (Chromium reports them per context).
 */
export async function createMediaTracker(
  context: BrowserContext,
  page: Page,
): Promise<MediaTracker> {
  let counts = empty();
  const byId = new Set<string>();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (event) => {
    if (!event.request.url.includes(STREAM)) return;
    byId.add(event.requestId);
    counts.pageRequests++;
    const range = headerValue(event.request.headers, 'range');
    if (range && !/^bytes=0-/.test(range)) counts.rangeRequests++;
  });
  cdp.on('Network.responseReceived', (event) => {
    if (byId.has(event.requestId) && event.response.fromServiceWorker) counts.answeredByWorker++;
  });
  context.on('request', (request: Request) => {
    if (request.serviceWorker() && request.url().includes(STREAM)) counts.workerFetches++;
  });
  return {
    snapshot: () => ({ ...counts }),
    reset() {
      counts = empty();
      byId.clear();
    },
  };
}

function empty(): MediaTraffic {
  return { pageRequests: 0, answeredByWorker: 0, rangeRequests: 0, workerFetches: 0 };
}

function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return String(value);
  }
  return undefined;
}
