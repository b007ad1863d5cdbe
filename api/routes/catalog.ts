import { getQuery, HTTPError } from 'h3';
import type { Catalog } from '../catalog/catalog.ts';
import type { SongPage } from '../catalog/song.ts';
import { findEntry } from './find-entry.ts';
import type { RouteTable } from './route-table.ts';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;
const MAX_QUERY_LENGTH = 200;

/** `GET /api/songs` (search and pages) and `GET /api/songs/:id`. */
export function registerCatalogRoutes(routes: RouteTable, { catalog }: { catalog: Catalog }) {
  routes.get('/api/songs', (event): SongPage => {
    const query = getQuery(event);
    const q = readText(query.q, 'q');
    const limit = readWholeNumber(query.limit, 'limit', DEFAULT_LIMIT, 1, MAX_LIMIT);
    const offset = readWholeNumber(query.offset, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const { items, total } = catalog.list({ q, limit, offset });
    return { items, total, limit, offset };
  });

  routes.get('/api/songs/:id', (event) => findEntry(event, catalog).song);
}

function readText(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} must be given once`);
  if (value.length > MAX_QUERY_LENGTH)
    throw badRequest(`${name} is longer than ${MAX_QUERY_LENGTH}`);
  return value;
}

function readWholeNumber(value: unknown, name: string, fallback: number, min: number, max: number) {
  if (value === undefined) return fallback;
  const text = typeof value === 'string' ? value : '';
  const number = Number(text);
  if (!/^\d{1,16}$/.test(text) || number < min || number > max) {
    throw badRequest(`${name} must be a whole number from ${min} to ${max}`);
  }
  return number;
}

function badRequest(message: string) {
  return HTTPError.status(400, 'Bad Request', { message });
}
