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
import { readS3Settings, type S3Settings } from './storage/s3/s3-settings.ts';

export { ConfigError };

export type StorageKind = 'fs' | 'memory' | 's3';
export type CatalogStoreKind = 'fs' | 'memory' | 'redis';

export interface Config {
  port: number;
  host: string;
  /** The music folder that is scanned (and, with STORAGE=fs, streamed from). Never written to. */
  musicDir: string;
  /** Where the catalog is kept (fs driver), outside the music folder. */
  cacheDir: string;
  /** The built client (Vite output). */
  clientDir: string;
  /**
   * Audio backend: `fs` streams from the folder; `memory` imports it into a chunked layout; `s3`
   * scans and streams an object-store prefix (`s3` holds its settings).
   */
  storage: StorageKind;
  s3: S3Settings | null;
  /** Catalog store driver (`redis` by default when REDIS_URL is set). */
  catalogStore: CatalogStoreKind;
  /** Accounts, sessions, counters: `fs` (CACHE_DIR/state), `memory`, or `redis` (REDIS_URL). */
  stateStore: StateStoreKind;
  /** Redis for the catalog and all shared state, so several instances can serve; null: one. */
  redisUrl: string | null;
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

/** Reads and checks the environment; throws ConfigError naming the first bad setting. */
export function loadConfig(env: Env, cwd = process.cwd()): Config {
  const storage = readChoice(env, 'STORAGE', ['fs', 'memory', 's3'] as const, 'fs');
  const redisUrl = readRedisUrl(env);
  const shared = redisUrl ? 'redis' : 'fs';
  const catalogStore = readChoice(env, 'CATALOG_STORE', ['fs', 'memory', 'redis'] as const, shared);
  const stateStore = readChoice(env, 'STATE_STORE', ['fs', 'memory', 'redis'] as const, shared);
  for (const [name, kind] of [
    ['CATALOG_STORE', catalogStore],
    ['STATE_STORE', stateStore],
  ] as const) {
    if (kind === 'redis' && !redisUrl) {
      throw new ConfigError(`${name}=redis needs REDIS_URL (redis://host:port)`);
    }
  }
  return {
    port: readNumber(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    musicDir: readPath(env, 'MUSIC_DIR', 'data/music', cwd),
    cacheDir: readPath(env, 'CACHE_DIR', '.cache/tapedeck', cwd),
    clientDir: readPath(env, 'CLIENT_DIR', 'dist', cwd),
    storage,
    s3: storage === 's3' ? checked(readS3Settings(env)) : null,
    catalogStore,
    stateStore,
    redisUrl,
    // An object store cannot be watched: rescans come from SIGHUP or `npm run scan`.
    watch: storage !== 's3' && readBoolean(env, 'WATCH', true),
    shutdownGrace: readNumber(env, 'SHUTDOWN_GRACE', 5, 0, 600),
    auth: loadAuthConfig(env, cwd),
    followSymlinks: readBoolean(env, 'FOLLOW_SYMLINKS', false),
    streamStallTimeout: readNumber(env, 'STREAM_STALL_TIMEOUT', 60, 1, 3600),
  };
}

function readRedisUrl(env: Env): string | null {
  const raw = env.REDIS_URL;
  if (!raw) return null;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {}
  // Never echo the value: it may carry a password.
  if (!url || !['redis:', 'rediss:'].includes(url.protocol) || !url.hostname) {
    throw new ConfigError('REDIS_URL is not a redis:// or rediss:// URL (redis://host:port/db)');
  }
  return raw;
}

/** A settings reader's answer: the settings, or the message naming what is wrong. */
function checked<T>(result: T | string): T {
  if (typeof result === 'string') throw new ConfigError(result);
  return result;
}
