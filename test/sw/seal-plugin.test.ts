import { describe, expect, it } from 'vitest';
import type { WorkboxPlugin } from 'workbox-core/types.js';
import { CATALOG_CACHE } from '../../sw/cache-names.ts';
import { createKeyring, createMemoryKeyStore } from '../../sw/keyring.ts';
import { importOfflineKey, keyIdOf } from '../../sw/seal.ts';
import { createSealPlugin } from '../../sw/seal-plugin.ts';
import { sealKeyId } from '../../sw/sealed-entry.ts';
import { FakeCacheStorage } from './fake-cache-storage.ts';
import { ORIGIN } from './fake-server.ts';

const URL_A = `${ORIGIN}/api/songs?q=neon`;
const catalogPage = () =>
  Response.json(
    { items: [{ title: 'Neon Harbour' }] },
    { headers: { ETag: '"c1"', 'Cache-Control': 'no-cache' } },
  );

async function setup(withKey = true) {
  const keyring = createKeyring(createMemoryKeyStore());
  if (withKey) {
    const raw = new Uint8Array(32).fill(3);
    await keyring.add({ id: await keyIdOf(raw), key: await importOfflineKey(raw), createdAt: '' });
  }
  const caches = new FakeCacheStorage();
  const plugin = createSealPlugin(keyring, caches) as Required<WorkboxPlugin>;
  const event = {} as Parameters<Required<WorkboxPlugin>['cacheWillUpdate']>[0]['event'];
  const store = async (url: string, response: Response) => {
    const sealed = await plugin.cacheWillUpdate({ request: new Request(url), response, event });
    if (sealed) await (await caches.open(CATALOG_CACHE)).put(url, sealed);
    return sealed;
  };
  const read = async (url: string) => {
    const cachedResponse = await (await caches.open(CATALOG_CACHE)).match(url);
    return plugin.cachedResponseWillBeUsed({
      cacheName: CATALOG_CACHE,
      request: new Request(url),
      cachedResponse,
      event,
    });
  };
  const stored = (url: string) => caches.caches.get(CATALOG_CACHE)?.entries.get(url);
  return { keyring, caches, store, read, stored };
}

describe('catalog and covers are sealed like the chunks', () => {
  it('what enters the cache is sealed; reading it gives back status, headers and body', async () => {
    const { store, read, stored } = await setup();
    expect(await store(URL_A, catalogPage())).toBeTruthy();
    const entry = stored(URL_A)!;
    expect(Buffer.from(entry.body).includes('Neon')).toBe(false);
    expect(new Headers(entry.headers).get('ETag')).toBeNull();
    const opened = (await read(URL_A)) as Response;
    expect(opened.status).toBe(200);
    expect(opened.headers.get('ETag')).toBe('"c1"');
    expect(await opened.json()).toEqual({ items: [{ title: 'Neon Harbour' }] });
  });

  it('never keeps a 401 or 403, nor anything without a key', async () => {
    const { store } = await setup();
    expect(await store(URL_A, Response.json({ error: 'x' }, { status: 401 }))).toBeNull();
    expect(await store(URL_A, Response.json({ error: 'x' }, { status: 403 }))).toBeNull();
    const none = await setup(false);
    expect(await none.store(URL_A, catalogPage())).toBeNull();
  });

  it('while the session is locked, nothing kept is served', async () => {
    const { keyring, store, read } = await setup();
    await store(URL_A, catalogPage());
    await keyring.setLocked(true);
    expect(await read(URL_A)).toBeNull();
    await keyring.setLocked(false);
    expect(((await read(URL_A)) as Response).status).toBe(200);
  });

  it('a page moved under another URL does not open', async () => {
    const { caches, store, read } = await setup();
    await store(URL_A, catalogPage());
    const cache = await caches.open(CATALOG_CACHE);
    await cache.put(`${ORIGIN}/api/songs`, (await cache.match(URL_A))!);
    expect(await read(`${ORIGIN}/api/songs`)).toBeNull();
  });

  it('a plain page kept before sealing is sealed in place, then served; never served without a key', async () => {
    const withoutKey = await setup(false);
    await (await withoutKey.caches.open(CATALOG_CACHE)).put(URL_A, catalogPage());
    expect(await withoutKey.read(URL_A)).toBeNull();

    const { caches, read, stored } = await setup();
    await (await caches.open(CATALOG_CACHE)).put(URL_A, catalogPage());
    const served = (await read(URL_A)) as Response;
    expect(await served.json()).toEqual({ items: [{ title: 'Neon Harbour' }] });
    const entry = stored(URL_A)!;
    expect(sealKeyId(new Response(null, { headers: entry.headers }))).not.toBeNull();
    expect(Buffer.from(entry.body).includes('Neon')).toBe(false);
  });
});
