import type { Context } from 'hono';
import { badRequest } from './errors.js';

/** The query of an ra-data-simple-rest list: filter, sort and range, all JSON. */
export type ListQuery = {
  filter: Record<string, unknown>;
  sort: { field: string; order: 'ASC' | 'DESC' } | null;
  range: { offset: number; limit: number };
};

const MAX_PAGE = 1000;
/** More values in one filter than any screen asks for (getMany asks for a page): refused, not sent to SQLite. */
const MAX_FILTER_VALUES = 1000;

function parseJsonParam(c: Context, name: string): unknown {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(`Paramètre « ${name} » invalide : JSON attendu.`);
  }
}

export function parseListQuery(c: Context, sortable: readonly string[]): ListQuery {
  const filter = parseJsonParam(c, 'filter') ?? {};
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) throw badRequest('Paramètre « filter » invalide.');

  const sortParam = parseJsonParam(c, 'sort');
  let sort: ListQuery['sort'] = null;
  if (sortParam !== undefined) {
    if (!Array.isArray(sortParam) || typeof sortParam[0] !== 'string' || !['ASC', 'DESC'].includes(sortParam[1])) {
      throw badRequest('Paramètre « sort » invalide : ["champ","ASC|DESC"] attendu.');
    }
    if (!sortable.includes(sortParam[0])) throw badRequest(`Tri impossible sur « ${sortParam[0]} ».`);
    sort = { field: sortParam[0], order: sortParam[1] };
  }

  const rangeParam = parseJsonParam(c, 'range');
  let range = { offset: 0, limit: 25 };
  if (rangeParam !== undefined) {
    const valid =
      Array.isArray(rangeParam) &&
      Number.isSafeInteger(rangeParam[0]) &&
      Number.isSafeInteger(rangeParam[1]) &&
      rangeParam[0] >= 0 &&
      rangeParam[1] >= rangeParam[0];
    if (!valid) throw badRequest('Paramètre « range » invalide : [début, fin] attendu.');
    range = { offset: rangeParam[0], limit: Math.min(rangeParam[1] - rangeParam[0] + 1, MAX_PAGE) };
  }
  return { filter: filter as Record<string, unknown>, sort, range };
}

/** ra-data-simple-rest reads the total from `Content-Range: <resource> <start>-<end>/<total>`. */
export function listResponse<T>(c: Context, resource: string, query: ListQuery, rows: T[], total: number) {
  const end = rows.length === 0 ? query.range.offset : query.range.offset + rows.length - 1;
  c.header('Content-Range', `${resource} ${query.range.offset}-${end}/${total}`);
  c.header('Access-Control-Expose-Headers', 'Content-Range');
  return c.json(rows);
}

/** `filter={"name":[a,b]}` or `filter={"name":a}`, at most 1000 values. */
export function filterValues(filter: Record<string, unknown>, name: string): unknown[] | undefined {
  const value = filter[name];
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (list.length > MAX_FILTER_VALUES) throw badRequest(`Filtre « ${name} » : ${MAX_FILTER_VALUES} valeurs au plus.`);
  return list;
}

/** `filter={"id":[1,2]}` (getMany) or `filter={"id":1}`. */
export function idsFilter(filter: Record<string, unknown>): number[] | undefined {
  const ids = filterValues(filter, 'id')?.map(Number);
  if (ids?.some((id) => !Number.isSafeInteger(id))) throw badRequest('Filtre « id » invalide.');
  return ids;
}

export function integerFilter(filter: Record<string, unknown>, name: string): number | undefined {
  const value = filter[name];
  if (value === undefined || value === null || value === '') return undefined;
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw badRequest(`Filtre « ${name} » invalide.`);
  return number;
}

export function parseId(raw: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw badRequest('Identifiant invalide.');
  return id;
}

type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S;
/** Dates travel as ISO strings (distributes over `Date | null`). */
type ApiValue<V> = V extends Date ? string : V;
/** The JSON shape of a row: snake_case keys, ISO dates. */
export type ApiRecord<T> = { [K in keyof T & string as SnakeCase<K>]: ApiValue<T[K]> };

/** The same few column names on every row of every page: each converted once (a regex per key was most of a list's time). */
const snakeKeys = new Map<string, string>();
export function snakeKey(key: string): string {
  let snake = snakeKeys.get(key);
  if (snake === undefined) {
    snake = key.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
    snakeKeys.set(key, snake);
  }
  return snake;
}

/** camelCase row → snake_case JSON with ISO dates, typed so that the contract's types check what goes out. */
export function toApiRecord<T extends Record<string, unknown>>(row: T): ApiRecord<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    out[snakeKey(key)] = value instanceof Date ? value.toISOString() : value;
  }
  return out as ApiRecord<T>;
}
