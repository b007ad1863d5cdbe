import { createHash } from 'node:crypto';
import type { Storage } from 'unstorage';
import { checkShard, encodeShard } from './shard-codec.ts';
import { createTableBuilder, type SongTable } from './song-table.ts';

/**
 * The catalog as persisted in the catalog storage (unstorage: fs now, Redis later): a small head
 * naming the shards, and shards of at most a few thousand songs each. A shard is named by the hash
 * of its content and never changes, so a rescan that changes one song writes one shard and the
 * head; a reader that loads while a scan writes sees the old head or the new one, whole.
 */
const HEAD_KEY = 'catalog:head';
const SHARD_PREFIX = 'catalog:shards';
/** 4: shards as columns with shared names (shard-codec.ts); 3 held rows of records. */
const FORMAT = 4;
const SONGS_PER_SHARD = 2000;
const MAX_SHARDS = 64;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

interface Head {
  format: number;
  /** Changes whenever any song does: instances compare it to know they must reload. */
  version: string;
  count: number;
  shards: string[];
}

export async function readSnapshotVersion(storage: Storage): Promise<string | null> {
  const head = await storage.getItem<Head>(HEAD_KEY);
  return head?.format === FORMAT ? head.version : null;
}

/** The persisted table, or null when there is none in this format (then the scan reads all). */
export async function readSnapshot(
  storage: Storage,
): Promise<{ table: SongTable; version: string } | null> {
  const head = await storage.getItem<Head>(HEAD_KEY);
  if (head?.format !== FORMAT) return null;
  const builder = createTableBuilder(head.count);
  // One shard at a time: the whole catalog is never held as parsed JSON at once.
  for (const shard of head.shards) {
    const value = await storage.getItem(`${SHARD_PREFIX}:${shard}`);
    if (!value) throw new Error(`catalog shard ${shard} is missing (a scan replaced it?)`);
    builder.addShard(checkShard(value));
  }
  const table = builder.build();
  if (table.length !== head.count) throw new Error('catalog snapshot is incomplete');
  return { table, version: head.version };
}

/** Persists `table` and answers its version. Shards already stored are not written again. */
export async function writeSnapshot(storage: Storage, table: SongTable): Promise<string> {
  const shardCount = Math.min(
    MAX_SHARDS,
    2 ** Math.ceil(Math.log2(Math.max(1, table.length / SONGS_PER_SHARD))),
  );
  const buckets: number[][] = Array.from({ length: shardCount }, () => []);
  for (let i = 0; i < table.length; i++) {
    const bucket = ID_ALPHABET.indexOf(table.id[i]![0]!) % shardCount;
    buckets[Math.max(0, bucket)]!.push(i);
  }
  const shards: string[] = [];
  for (const rows of buckets) {
    // In id order, so that the same songs always make the same shard (and the same name).
    rows.sort((x, y) => (table.id[x]! < table.id[y]! ? -1 : 1));
    const text = JSON.stringify(encodeShard(table, rows));
    const name = createHash('sha256').update(text).digest('base64url').slice(0, 24);
    shards.push(name);
    if (!(await storage.hasItem(`${SHARD_PREFIX}:${name}`))) {
      await storage.setItem(`${SHARD_PREFIX}:${name}`, text);
    }
  }
  const version = createHash('sha256').update(shards.join(',')).digest('base64url').slice(0, 16);
  await storage.setItem(HEAD_KEY, { format: FORMAT, version, count: table.length, shards });
  await removeUnused(storage, new Set(shards));
  return version;
}

/** Shards no head names any more, and what earlier formats kept (one catalog.json, covers). */
async function removeUnused(storage: Storage, used: ReadonlySet<string>) {
  for (const key of await storage.getKeys(SHARD_PREFIX)) {
    if (!used.has(key.slice(SHARD_PREFIX.length + 1))) await storage.removeItem(key);
  }
  await storage.removeItem('catalog.json');
  for (const key of await storage.getKeys('covers')) await storage.removeItem(key);
}
