import { createStorage } from 'unstorage';
import memoryDriver from 'unstorage/drivers/memory';
import { describe, expect, it } from 'vitest';
import { type Catalog, createCatalog } from '../../../api/catalog/catalog.ts';
import type { SongRecord } from '../../../api/catalog/song.ts';
import { songIdOf } from '../../../api/scan/song-id.ts';

const record = (n: number, title = `Song ${n}`): SongRecord => ({
  id: songIdOf(`a/${n}.mp3`),
  key: `a/${n}.mp3`,
  version: `1-${n}-100-0-0`,
  mtimeMs: 1000 + n,
  size: 100 + n,
  etag: `"etag${n}"`,
  mimeType: 'audio/mpeg',
  duration: 60,
  title,
  artist: `Artist ${n % 7}`,
  album: `Album ${n % 50}`,
  albumArtist: `Artist ${n % 7}`,
  trackNumber: (n % 12) + 1,
  discNumber: null,
  year: 2000 + (n % 20),
  genres: n % 2 ? ['Rock'] : ['Jazz', 'Blues'],
  pictureId: null,
  addedAt: 5000 + n,
});

async function fill(catalog: Catalog, records: SongRecord[]) {
  const next = catalog.startUpdate(records.length);
  for (const r of records) next.add(r);
  await next.commit();
}

describe('the persisted catalog', () => {
  it('round-trips every field through the shards', async () => {
    const storage = createStorage({ driver: memoryDriver() });
    const records = Array.from({ length: 5000 }, (_, n) => record(n));
    await fill(createCatalog(storage), records);
    const loaded = createCatalog(storage);
    await loaded.load();
    expect(loaded.size()).toBe(5000);
    const entry = loaded.get(records[1234]!.id)!;
    expect(entry).toMatchObject({ key: 'a/1234.mp3', version: '1-1234-100-0-0', mtimeMs: 2234 });
    expect(entry.song).toMatchObject({ title: 'Song 1234', size: 1334, genres: ['Jazz', 'Blues'] });
    expect(loaded.scanned('a/1234.mp3')).toEqual({ version: '1-1234-100-0-0', addedAt: 6234 });
  });

  it('rewrites only the shard of a changed song, and drops shards no head names', async () => {
    const storage = createStorage({ driver: memoryDriver() });
    const catalog = createCatalog(storage);
    const records = Array.from({ length: 9000 }, (_, n) => record(n));
    await fill(catalog, records);
    const before = new Set(await storage.getKeys('catalog:shards'));
    expect(before.size).toBeGreaterThan(2);
    const next = catalog.startUpdate(records.length);
    for (const r of records.slice(1)) next.keep(r.key);
    next.add(record(0, 'Renamed'));
    await next.commit();
    const after = new Set(await storage.getKeys('catalog:shards'));
    expect(after.size).toBe(before.size);
    expect([...after].filter((key) => !before.has(key))).toHaveLength(1);
  });

  it('lets another instance notice a new version and reload it', async () => {
    const storage = createStorage({ driver: memoryDriver() });
    const scanner = createCatalog(storage);
    const reader = createCatalog(storage);
    await fill(scanner, [record(1), record(2)]);
    expect(await reader.reloadIfChanged()).toBe(true);
    expect(reader.version()).toBe(scanner.version());
    expect(reader.size()).toBe(2);
    expect(await reader.reloadIfChanged()).toBe(false);
    await fill(scanner, [record(1), record(2), record(3)]);
    expect(reader.version()).not.toBe(scanner.version());
    expect(await reader.reloadIfChanged()).toBe(true);
    expect(reader.size()).toBe(3);
  });
});
