import { isAbsolute, resolve } from 'node:path';

/** A setting that is wrong or missing: the server prints the message and stops. */
export class ConfigError extends Error {}

export type Env = Record<string, string | undefined>;

export function readNumber(env: Env, name: string, fallback: number, min: number, max: number) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name}=${raw} is not a whole number from ${min} to ${max}`);
  }
  return value;
}

/** A positive decimal number (`0.5`), for durations that tests shorten. */
export function readDecimal(env: Env, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || value <= 0 || value > max) {
    throw new ConfigError(`${name}=${raw} is not a number above 0 and at most ${max}`);
  }
  return value;
}

export function readPath(env: Env, name: string, fallback: string, cwd: string): string {
  return resolvePath(env[name] || fallback, cwd);
}

export function resolvePath(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

export function readChoice<T extends string>(
  env: Env,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const raw = env[name] || fallback;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name}=${raw} is not one of: ${choices.join(', ')}`);
  }
  return raw as T;
}

export function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name}=${raw} must be 1 or 0`);
}

/** Two settings that only make sense together: both set, or neither. */
export function readPair(env: Env, first: string, second: string): [string, string] | undefined {
  const a = env[first] || undefined;
  const b = env[second] || undefined;
  if (!a && !b) return undefined;
  if (!a || !b)
    throw new ConfigError(`${a ? second : first} must be set together with ${a ? first : second}`);
  return [a, b];
}
