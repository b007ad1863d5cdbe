import { isAbsolute, resolve } from 'node:path';

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

const KNOWN_STORAGE = ['fs', 'memory'] as const;

/** Reads and checks the environment; throws ConfigError naming the first bad setting. */
export function loadConfig(env: Env, cwd = process.cwd()): Config {
  return {
    port: readPort(env, 'PORT', 3000),
    host: env.HOST || '127.0.0.1',
    musicDir: readPath(env, 'MUSIC_DIR', 'data/music', cwd),
    cacheDir: readPath(env, 'CACHE_DIR', '.cache/tapedeck', cwd),
    clientDir: readPath(env, 'CLIENT_DIR', 'dist', cwd),
    storage: readChoice(env, 'STORAGE', 'fs'),
    catalogStore: readChoice(env, 'CATALOG_STORE', 'fs'),
    watch: readBoolean(env, 'WATCH', true),
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

function readChoice(env: Env, name: string, fallback: StorageKind): StorageKind {
  const raw = env[name] || fallback;
  if (!(KNOWN_STORAGE as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name}=${raw} is not one of: ${KNOWN_STORAGE.join(', ')}`);
  }
  return raw as StorageKind;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name}=${raw} must be 1 or 0`);
}
