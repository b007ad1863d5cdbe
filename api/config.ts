import { type AuthConfig, loadAuthConfig } from './auth/auth-config.ts';
import {
  ConfigError,
  type Env,
  readBoolean,
  readChoice,
  readNumber,
  readPath,
} from './config-readers.ts';
import type { StateStoreKind } from './state/state-store.ts';

export { ConfigError };

export type StorageKind = 'fs' | 'memory';

export interface Config {
  port: number;
  host: string;
  /** The music folder that is scanned (and, with STORAGE=fs, streamed from). Never written to. */
  musicDir: string;
  /** Where the catalog is kept (fs driver), outside the music folder. */
  cacheDir: string;
  /** The built client (Vite output). */
  clientDir: string;
  /** Audio backend: `fs` streams from the folder; `memory` imports it into a chunked layout. */
  storage: StorageKind;
  /** Catalog store driver. */
  catalogStore: StorageKind;
  /** Accounts, sessions, counters: `fs` (CACHE_DIR/state) or `memory`. */
  stateStore: StateStoreKind;
  /** Rescan when the music folder changes. */
  watch: boolean;
  /** Seconds open streams may run after SIGTERM before they are cut. */
  shutdownGrace: number;
  /** Accounts, sessions, stream links, HTTPS and proxies. */
  auth: AuthConfig;
  /** Follow symlinks to files outside MUSIC_DIR (links inside it are always followed). */
  followSymlinks: boolean;
  /** Seconds a listener may take nothing before its connection is cut. */
  streamStallTimeout: number;
}

const KNOWN_STORAGE = ['fs', 'memory'] as const;

/** Reads and checks the environment; throws ConfigError naming the first bad setting. */
export function loadConfig(env: Env, cwd = process.cwd()): Config {
  return {
    port: readNumber(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    musicDir: readPath(env, 'MUSIC_DIR', 'data/music', cwd),
    cacheDir: readPath(env, 'CACHE_DIR', '.cache/tapedeck', cwd),
    clientDir: readPath(env, 'CLIENT_DIR', 'dist', cwd),
    storage: readChoice(env, 'STORAGE', KNOWN_STORAGE, 'fs'),
    catalogStore: readChoice(env, 'CATALOG_STORE', KNOWN_STORAGE, 'fs'),
    stateStore: readChoice(env, 'STATE_STORE', KNOWN_STORAGE, 'fs'),
    watch: readBoolean(env, 'WATCH', true),
    shutdownGrace: readNumber(env, 'SHUTDOWN_GRACE', 5, 0, 600),
    auth: loadAuthConfig(env, cwd),
    followSymlinks: readBoolean(env, 'FOLLOW_SYMLINKS', false),
    streamStallTimeout: readNumber(env, 'STREAM_STALL_TIMEOUT', 60, 1, 3600),
  };
}
