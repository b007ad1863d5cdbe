import { getQuery, type H3Event, HTTPError } from 'h3';
import { ENTITY_ID_PATTERN } from '../catalog/ids.ts';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;
const MAX_TEXT_LENGTH = 200;

/**
 * Reads a list route's query string strictly: every parameter at most once, numbers whole and in
 * range, choices from their list, ids of the right shape. Anything else is a 400 naming the
 * parameter; unknown parameters are ignored (cache busters).
 */
export function readParams(event: H3Event) {
  const query = getQuery(event);
  const one = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw badRequest(`${name} must be given once`);
    return value;
  };
  return {
    text(name: string): string | undefined {
      const value = one(name);
      if (value !== undefined && value.length > MAX_TEXT_LENGTH) {
        throw badRequest(`${name} is longer than ${MAX_TEXT_LENGTH}`);
      }
      return value;
    },
    wholeNumber(name: string, fallback: number, min: number, max: number): number {
      const text = one(name);
      if (text === undefined) return fallback;
      const number = Number(text);
      if (!/^\d{1,16}$/.test(text) || number < min || number > max) {
        throw badRequest(`${name} must be a whole number from ${min} to ${max}`);
      }
      return number;
    },
    page() {
      return {
        limit: this.wholeNumber('limit', DEFAULT_LIMIT, 1, MAX_LIMIT),
        offset: this.wholeNumber('offset', 0, 0, Number.MAX_SAFE_INTEGER),
      };
    },
    choice<T extends string>(name: string, choices: readonly T[]): T | undefined {
      const value = one(name);
      if (value === undefined) return undefined;
      if (!(choices as readonly string[]).includes(value)) {
        throw badRequest(`${name} must be one of: ${choices.join(', ')}`);
      }
      return value as T;
    },
    id(name: string): string | undefined {
      const value = one(name);
      if (value !== undefined && !ENTITY_ID_PATTERN.test(value))
        throw badRequest(`invalid ${name}`);
      return value;
    },
    flag(name: string): boolean {
      const value = one(name);
      if (value === undefined || value === 'false') return false;
      if (value === 'true') return true;
      throw badRequest(`${name} must be true or false`);
    },
  };
}

export function badRequest(message: string): HTTPError {
  return HTTPError.status(400, 'Bad Request', { message });
}

export function notFound(message: string): HTTPError {
  return HTTPError.status(404, 'Not Found', { message });
}
