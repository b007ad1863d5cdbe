import { isAbsolute, resolve } from 'node:path';
import { readS3Settings, type S3Settings } from './storage/s3/s3-settings.ts';

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
  /** Shared state (accounts, sessions, counters, the catalog) in Redis; null: one process. */
  redisUrl: string | null;
  /** Rescan when the music folder changes. */
  watch: boolean;
  /** Seconds open streams may run after SIGTERM before they are cut. */
  shutdownGrace: number;
  /** Follow symlinks to files outside MUSIC_DIR (links inside it are always followed). */
  followSymlinks: boolean;
  /** Seconds a listener may take nothing before its connection is cut. */
  streamStallTimeout: number;
}

/** A setting that is wrong or missing: the server prints the message and stops. */
export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

/** Reads and checks the environment; throws ConfigError naming the first bad setting. */
export function loadConfig(env: Env, cwd = process.cwd()): Config {
  const storage = readChoice(env, 'STORAGE', ['fs', 'memory', 's3'] as const, 'fs');
  const redisUrl = readRedisUrl(env);
  const catalogStore = readChoice(
    env,
    'CATALOG_STORE',
    ['fs', 'memory', 'redis'] as const,
    redisUrl ? 'redis' : 'fs',
  );
  if (catalogStore === 'redis' && !redisUrl) {
    throw new ConfigError('CATALOG_STORE=redis needs REDIS_URL (redis://host:port)');
  }
  return {
    port: readPort(env, 'PORT', 3000),
    host: env.HOST || '127.0.0.1',
    musicDir: readPath(env, 'MUSIC_DIR', 'data/music', cwd),
    cacheDir: readPath(env, 'CACHE_DIR', '.cache/tapedeck', cwd),
    clientDir: readPath(env, 'CLIENT_DIR', 'dist', cwd),
    storage,
    s3: storage === 's3' ? checked(readS3Settings(env)) : null,
    catalogStore,
    redisUrl,
    // An object store cannot be watched: rescans come from SIGHUP or `npm run scan`.
    watch: storage !== 's3' && readBoolean(env, 'WATCH', true),
    shutdownGrace: readNumber(env, 'SHUTDOWN_GRACE', 5, 0, 600),
    followSymlinks: readBoolean(env, 'FOLLOW_SYMLINKS', false),
    streamStallTimeout: readNumber(env, 'STREAM_STALL_TIMEOUT', 60, 1, 3600),
  };
}

function readPort(env: Env, name: string, fallback: number): number {
  return readNumber(env, name, fallback, 0, 65535);
}

function readNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name}=${raw} is not a whole number from ${min} to ${max}`);
  }
  return value;
}

function readPath(env: Env, name: string, fallback: string, cwd: string): string {
  const raw = env[name] || fallback;
  return isAbsolute(raw) ? raw : resolve(cwd, raw);
}

function readChoice<T extends string>(env: Env, name: string, known: readonly T[], fallback: T): T {
  const raw = env[name] || fallback;
  if (!(known as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name}=${raw} is not one of: ${known.join(', ')}`);
  }
  return raw as T;
}

function readRedisUrl(env: Env): string | null {
  const raw = env.REDIS_URL;
  if (!raw) return null;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {}
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

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name}=${raw} must be 1 or 0`);
}
