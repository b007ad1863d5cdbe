import type { Storage } from 'unstorage';
import { compareSongs, createMatcher, searchableText } from './search-text.ts';
import type { CatalogEntry, Song } from './song.ts';

const CATALOG_KEY = 'catalog.json';
const FORMAT_VERSION = 3; // 3: storage keys are POSIX paths (`a/b.mp3`), so song ids changed

export interface SongQuery {
  q?: string;
  limit: number;
  offset: number;
}

export interface Catalog {
  list(query: SongQuery): { items: Song[]; total: number };
  get(id: string): CatalogEntry | undefined;
  getByKey(key: string): CatalogEntry | undefined;
  entries(): CatalogEntry[];
  size(): number;
  /** Replaces the whole set of entries (after a scan) and persists it. */
  replaceAll(entries: CatalogEntry[]): Promise<void>;
  /** Loads what an earlier run persisted, so a restart does not re-read unchanged files. */
  load(): Promise<void>;
  getCover(id: string): Promise<Uint8Array | null>;
  setCover(id: string, bytes: Uint8Array | null): Promise<void>;
}

/**
 * The song index: kept in memory for fast listing and lookup, persisted to an unstorage store
 * (fs in a cache folder by default) together with the cover pictures.
 */
export function createCatalog(store: Storage): Catalog {
  let byId = new Map<string, CatalogEntry>();
  let byKey = new Map<string, CatalogEntry>();
  let ordered: { entry: CatalogEntry; text: string }[] = [];

  function index(entries: CatalogEntry[]) {
    byId = new Map(entries.map((entry) => [entry.song.id, entry]));
    byKey = new Map(entries.map((entry) => [entry.key, entry]));
    ordered = entries
      .map((entry) => ({ entry, text: searchableText(entry.song) }))
      .sort((a, b) => compareSongs(a.entry.song, b.entry.song));
  }

  return {
    list({ q, limit, offset }) {
      const match = q?.trim() ? createMatcher(q) : null;
      const matches = match ? ordered.filter(({ text }) => match(text)) : ordered;
      const items = matches.slice(offset, offset + limit).map(({ entry }) => entry.song);
      return { items, total: matches.length };
    },
    get: (id) => byId.get(id),
    getByKey: (key) => byKey.get(key),
    entries: () => ordered.map(({ entry }) => entry),
    size: () => byId.size,
    async replaceAll(entries) {
      index(entries);
      await store.setItem(CATALOG_KEY, { version: FORMAT_VERSION, entries });
    },
    async load() {
      const saved = await store.getItem<{ version: number; entries: CatalogEntry[] }>(CATALOG_KEY);
      index(saved?.version === FORMAT_VERSION ? saved.entries : []);
    },
    async getCover(id) {
      const bytes = await store.getItemRaw<Uint8Array>(`covers:${id}`);
      return bytes ? new Uint8Array(bytes) : null;
    },
    async setCover(id, bytes) {
      if (bytes) await store.setItemRaw(`covers:${id}`, bytes);
      else await store.removeItem(`covers:${id}`);
    },
  };
}
