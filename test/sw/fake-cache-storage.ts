/**
 * In-memory CacheStorage/Cache with the behaviour the worker relies on: keys are URLs, `put`
 * rejects a 206 and an already-read body, `match` returns a fresh Response each time. An optional
 * byte quota makes `put` throw a QuotaExceededError like a full origin would.
 */
interface Entry {
  status: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
}

export interface FakeCacheStorageOptions {
  /** Total bytes of bodies the fake accepts before `put` throws QuotaExceededError. */
  quotaBytes?: number;
}

export class FakeCache {
  readonly entries = new Map<string, Entry>();
  constructor(private readonly owner: FakeCacheStorage) {}

  async match(request: RequestInfo | URL): Promise<Response | undefined> {
    const entry = this.entries.get(urlOf(request));
    if (!entry) return undefined;
    return new Response(entry.body.slice(), { status: entry.status, headers: entry.headers });
  }

  async put(request: RequestInfo | URL, response: Response): Promise<void> {
    if (response.status === 206) throw new TypeError('Cache.put: partial response (206)');
    if (response.bodyUsed) throw new TypeError('Cache.put: body already used');
    const body = new Uint8Array(await response.arrayBuffer());
    const key = urlOf(request);
    const others = this.owner.totalBytes() - (this.entries.get(key)?.body.byteLength ?? 0);
    if (
      this.owner.options.quotaBytes !== undefined &&
      others + body.byteLength > this.owner.options.quotaBytes
    ) {
      throw new DOMException('quota exceeded', 'QuotaExceededError');
    }
    this.entries.set(key, { status: response.status, headers: [...response.headers], body });
  }

  async delete(request: RequestInfo | URL): Promise<boolean> {
    return this.entries.delete(urlOf(request));
  }

  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }

  bytes(): number {
    let total = 0;
    for (const entry of this.entries.values()) total += entry.body.byteLength;
    return total;
  }
}

export class FakeCacheStorage {
  readonly caches = new Map<string, FakeCache>();
  constructor(readonly options: FakeCacheStorageOptions = {}) {}

  async open(name: string): Promise<Cache> {
    let cache = this.caches.get(name);
    if (!cache) {
      cache = new FakeCache(this);
      this.caches.set(name, cache);
    }
    return cache as unknown as Cache;
  }

  async has(name: string): Promise<boolean> {
    return this.caches.has(name);
  }

  async delete(name: string): Promise<boolean> {
    return this.caches.delete(name);
  }

  async keys(): Promise<string[]> {
    return [...this.caches.keys()];
  }

  totalBytes(): number {
    let total = 0;
    for (const cache of this.caches.values()) total += cache.bytes();
    return total;
  }

  /** Synchronous view for assertions: every URL stored in the caches whose name starts with `prefix`. */
  urls(prefix = ''): string[] {
    const out: string[] = [];
    for (const [name, cache] of this.caches)
      if (name.startsWith(prefix)) out.push(...cache.entries.keys());
    return out;
  }
}

function urlOf(request: RequestInfo | URL): string {
  if (typeof request === 'string') return new URL(request).href;
  return request instanceof URL ? request.href : request.url;
}
