/**
 * The signed-in user's offline keys, as the worker holds them: who they belong to, the current key
 * (new seals) and older ones still needed to re-seal what they sealed after a rotation, plus the
 * "locked" flag (the server said this browser's session is gone; see account.ts). Kept in memory
 * and persisted through a KeyStore (IndexedDB in the worker: a CryptoKey is stored as itself,
 * non-extractable, so offline playback needs no server).
 *
 * Not wrapped per device: a wrapping key would have to sit in the same profile (it adds nothing
 * against someone who copies the profile), and one the device does not hold would stop offline
 * playback, the point of these copies. What protects them is that the key is never extractable by
 * script, dies with the sign-out, and is replaced on a password change.
 */

export interface OfflineKey {
  /** keyIdOf(raw): stored with every sealed entry, to know which key opens it. */
  id: string;
  key: CryptoKey;
  createdAt: string;
}

export interface KeyringState {
  userId: string | null;
  /** Current key first. */
  keys: OfflineKey[];
  locked: boolean;
}

/** Where the keyring persists: IndexedDB in the worker (key-store-idb.ts), memory in tests. */
export interface KeyStore {
  get(): Promise<unknown>;
  set(state: KeyringState): Promise<void>;
  delete(): Promise<void>;
}

export interface Keyring {
  load(): Promise<void>;
  userId(): string | null;
  current(): OfflineKey | null;
  find(id: string): OfflineKey | null;
  /** Keys other than the current one (what re-sealing still has to move away from). */
  older(): OfflineKey[];
  locked(): boolean;
  setLocked(locked: boolean): Promise<void>;
  /** Records whose copies these are (the caller wipes first when it is another user). */
  setUser(userId: string): Promise<void>;
  /** `key` becomes current; the others stay until `dropOlder`. */
  add(key: OfflineKey): Promise<void>;
  dropOlder(): Promise<void>;
  /** Forgets every key and the owner: in memory at once, then in the store. */
  destroy(): Promise<void>;
}

export function createKeyring(store: KeyStore): Keyring {
  let state: KeyringState = empty();
  const save = () => store.set({ ...state, keys: [...state.keys] }).catch(() => {});

  return {
    async load() {
      state = parseState(await store.get().catch(() => undefined)) ?? empty();
    },
    userId: () => state.userId,
    current: () => state.keys[0] ?? null,
    find: (id) => state.keys.find((k) => k.id === id) ?? null,
    older: () => state.keys.slice(1),
    locked: () => state.locked,
    async setLocked(locked) {
      if (state.locked === locked) return;
      state = { ...state, locked };
      await save();
    },
    async setUser(userId) {
      if (state.userId === userId) return;
      state = { ...state, userId };
      await save();
    },
    async add(key) {
      if (state.keys[0]?.id === key.id) return;
      state = { ...state, keys: [key, ...state.keys.filter((k) => k.id !== key.id)] };
      await save();
    },
    async dropOlder() {
      if (state.keys.length <= 1) return;
      state = { ...state, keys: state.keys.slice(0, 1) };
      await save();
    },
    async destroy() {
      state = empty();
      await store.delete().catch(() => {});
    },
  };
}

/** An in-memory KeyStore (tests; and the worker's fallback where IndexedDB cannot hold a key). */
export function createMemoryKeyStore(): KeyStore & { value: KeyringState | undefined } {
  const memory = {
    value: undefined as KeyringState | undefined,
    get: async () => memory.value,
    set: async (state: KeyringState) => {
      memory.value = structuredClone(state);
    },
    delete: async () => {
      memory.value = undefined;
    },
  };
  return memory;
}

function empty(): KeyringState {
  return { userId: null, keys: [], locked: false };
}

/** A stored state of the wrong shape (or with a key that is not a CryptoKey) counts as none. */
function parseState(value: unknown): KeyringState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!(typeof v['userId'] === 'string' || v['userId'] === null) || !Array.isArray(v['keys']))
    return null;
  const keys = v['keys'].filter(
    (k: unknown): k is OfflineKey =>
      typeof k === 'object' &&
      k !== null &&
      typeof (k as OfflineKey).id === 'string' &&
      typeof (k as OfflineKey).createdAt === 'string' &&
      (k as OfflineKey).key instanceof CryptoKey,
  );
  return { userId: v['userId'] as string | null, keys, locked: v['locked'] === true };
}
