import type { Storage } from 'unstorage';
import { type LibraryIndex, libraryIndexSlices } from './library-index.ts';
import { nameTextsSlices, type QueryState } from './queries.ts';
import { inSlices, lazy } from './sliced.ts';
import { readSnapshot, readSnapshotVersion, writeSnapshot } from './snapshot.ts';
import type { CatalogEntry, SongRecord } from './song.ts';
import { createSongSearch, type SongSearch } from './song-search.ts';
import { createTableBuilder, recordAt, type SongTable } from './song-table.ts';
import { createSortOrders, type SortOrders } from './sort-orders.ts';
import { songJson } from './to-json.ts';
import { EMPTY_USER_VIEW } from './user-view.ts';

export interface Catalog {
  /** The stream path's lookup: the song's entry by id. */
  get(id: string): CatalogEntry | undefined;
  size(): number;
  /** Identity of the catalog's content: it changes with every scan that changes a song. */
  version(): string | null;
  /** The entry of the song at a storage key (tools and tests; the API never looks songs up by key). */
  getByKey(key: string): CatalogEntry | undefined;
  /** Every entry, in library order (tools and tests: it builds 100 000 objects at 100 000 songs). */
  entries(): CatalogEntry[];
  /** Builds the lookup by key that `scanned` reads, in slices (a scan calls it first). */
  indexKeys(): Promise<void>;
  /** What the scan needs to know of a file it indexed before. */
  scanned(key: string): { version: string; addedAt: number } | undefined;
  keys(): Iterable<string>;
  pictureIds(): Set<string>;
  /**
   * Starts the next version of the catalog, for a scan of at most `capacity` songs: `keep` what is
   * unchanged, `add` what was read, `commit` to persist it and serve it. Songs not given are gone.
   * Rows go into compact columns as they come, so a scan never holds 100 000 record objects.
   */
  startUpdate(capacity: number): CatalogUpdate;
  /** Loads what an earlier run (or another instance) persisted. */
  load(): Promise<void>;
  /** Loads again when another instance's scan changed the persisted catalog; true if it did. */
  reloadIfChanged(): Promise<boolean>;
  /** What the list queries read (one consistent catalog, even while a scan replaces it). */
  state(): QueryState;
  /**
   * Builds the index, sort orders and search index now rather than at the first request, in
   * slices of a few milliseconds, so that requests are answered in between.
   */
  warm(): Promise<void>;
}

export interface CatalogUpdate {
  keep(key: string): void;
  add(record: SongRecord): void;
  readonly size: number;
  commit(): Promise<void>;
}

/** The per-entry cache of the stream path's lookups is cleared past this size. */
const ENTRY_CACHE_LIMIT = 4096;

/**
 * The song index: compact columns in memory (see song-table.ts), persisted as content-named
 * shards in an unstorage store (see snapshot.ts), with orders and search built once per version.
 */
export function createCatalog(storage: Storage): Catalog {
  let current = prepare(createTableBuilder(0).build(), null);
  let entries = new Map<string, CatalogEntry>();

  /**
   * One version of the catalog. The index (albums, artists, ids), the sort orders and the search
   * index are built when first read: a restart answers once the table is loaded, and warm()
   * builds them right after, before the first listener needs them.
   */
  function prepare(table: SongTable, version: string | null) {
    const index = lazy(() => libraryIndexSlices(table));
    let orders: SortOrders | undefined;
    let search: SongSearch | undefined;
    return {
      table,
      version,
      /** The index, built slice by slice by the warm-up (or at once by a request that needs it). */
      indexSlices: () => index.slices(),
      get index() {
        return index.get();
      },
      get orders() {
        orders ??= createSortOrders(this.index);
        return orders;
      },
      get search() {
        search ??= createSongSearch(this.index);
        return search;
      },
      /** Rows by storage key: only scans need it, so it is made by the first one. */
      byKey: lazy(function* () {
        const rows = new Map<string, number>();
        for (let row = 0; row < table.length; row++) {
          rows.set(table.key[row]!, row);
          if ((row & 1023) === 0) yield;
        }
        return rows;
      }),
    };
  }

  function rowOfKey(state: typeof current, key: string): number | undefined {
    return state.byKey.get().get(key);
  }

  function use(table: SongTable, version: string | null, warmSoon: boolean) {
    current = prepare(table, version);
    entries = new Map();
    // Orders and the search index are built when first asked for. After a scan or a reload they
    // are built soon anyway, so that a listener's first sorted page does not wait for them; after
    // the load at start the server asks once it listens (see warm()).
    // A failure here would show again at the request that needs the order (a logged 500).
    if (warmSoon) setTimeout(() => warmUp(current).catch(() => {}), 50).unref();
  }

  /**
   * Builds the index, every sort order and the search index in slices of a few milliseconds (see
   * sliced.ts): about 3 s of CPU at 100 000 songs, during which requests (a health check, a
   * session check) are answered between slices instead of waiting for it.
   */
  async function warmUp(state: typeof current) {
    await inSlices(
      (function* () {
        yield* state.indexSlices();
        yield* state.orders.warm();
        yield* state.search.warm();
        yield* nameTextsSlices(state.index);
      })(),
      () => current !== state, // replaced meanwhile: that one warms itself
    );
  }

  function get(id: string): CatalogEntry | undefined {
    let entry = entries.get(id);
    if (entry) return entry;
    const { index } = current;
    const row = index.songById.get(id);
    if (row === undefined) return undefined;
    if (entries.size >= ENTRY_CACHE_LIMIT) entries.clear();
    const { songs } = index;
    entry = {
      song: songJson(index, row, EMPTY_USER_VIEW),
      key: songs.key[row]!,
      mtimeMs: songs.mtimeMs[row]!,
      version: songs.version[row]!,
      pictureId: songs.pictureId[row] ?? null,
    };
    entries.set(id, entry);
    return entry;
  }

  return {
    get,
    getByKey(key) {
      const row = rowOfKey(current, key);
      return row === undefined ? undefined : get(current.index.songs.id[row]!);
    },
    entries() {
      return [...current.orders.songs('default')].map((row) => get(current.index.songs.id[row]!)!);
    },
    size: () => current.table.length,
    version: () => current.version,
    scanned(key) {
      const row = rowOfKey(current, key);
      if (row === undefined) return undefined;
      const { table } = current;
      return { version: table.version[row]!, addedAt: table.addedAt[row]! };
    },
    keys: () => current.table.key,
    pictureIds: () => new Set(current.table.pictureId.filter((id) => id !== null)),
    startUpdate(capacity) {
      const base = current;
      const builder = createTableBuilder(capacity);
      let size = 0;
      return {
        keep(key) {
          const row = rowOfKey(base, key);
          if (row === undefined) return;
          builder.add(recordAt(base.table, row));
          size++;
        },
        add(record) {
          builder.add(record);
          size++;
        },
        get size() {
          return size;
        },
        async commit() {
          const table = builder.build();
          use(table, await writeSnapshot(storage, table), true);
        },
      };
    },
    async load() {
      const saved = await readSnapshot(storage);
      if (saved) use(saved.table, saved.version, false);
    },
    async reloadIfChanged() {
      const version = await readSnapshotVersion(storage);
      if (version === current.version) return false;
      const saved = await readSnapshot(storage);
      if (!saved) return false;
      use(saved.table, saved.version, true);
      return true;
    },
    state: () => current,
    indexKeys: async () => {
      await inSlices(current.byKey.slices());
    },
    warm: () => warmUp(current),
  };
}

export type { LibraryIndex };
