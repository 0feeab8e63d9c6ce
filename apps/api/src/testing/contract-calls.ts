import { expect } from 'vitest';
import { z } from 'zod';
import { type Harness, listUrl, ORIGIN } from './harness.js';

type Call = { cookie?: string; json?: unknown; form?: FormData };

/**
 * Calls for the response-contract test: each call remembers the route pattern it checked
 * (`covered`), so that the test can tell which routes of `app.routes` no call reached.
 */
export function contractCalls(harness: () => Harness) {
  const covered = new Set<string>();

  /** Calls `pattern` with its parameters filled in, and remembers that the route was checked. */
  async function call(method: string, pattern: string, params: Record<string, string | number> = {}, options: Call = {}) {
    covered.add(`${method} ${pattern}`);
    const path = pattern.replace(/:(\w+)/g, (_, name: string) => String(params[name]));
    const query = params.query === undefined ? '' : String(params.query);
    const headers: Record<string, string> = { Origin: ORIGIN };
    if (options.cookie) headers.Cookie = options.cookie;
    if (options.json !== undefined) headers['Content-Type'] = 'application/json';
    const body = options.form ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
    return harness().app.request(path + query, { method, headers, body });
  }

  /** The app's API routes that `belongs` selects and no call has checked yet. */
  const unchecked = (belongs: (route: string) => boolean) => {
    const routes = harness()
      .app.routes.filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/'))
      .map((route) => `${route.method} ${route.path.replace(/\/$/, '')}`)
      .filter(belongs);
    expect(routes.length).toBeGreaterThan(5);
    return routes.filter((route) => !covered.has(route));
  };

  return { call, unchecked };
}

/** The téléprocédure's routes (account, draft, communes), checked by contract-teleprocedure.test.ts; contract.test.ts checks the rest. */
export const isTeleprocedureRoute = (route: string) => /^[A-Z]+ \/api\/usager\/(compte|demandes|communes)(\/|$)/.test(route);

/** The status, then the body parsed with the schema: every issue zod finds is shown. */
export async function answer<S extends z.ZodType>(response: Response, status: number, schema: S): Promise<z.infer<S>> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  const parsed = schema.safeParse(JSON.parse(text));
  expect(parsed.error?.issues ?? [], text).toEqual([]);
  return parsed.data as z.infer<S>;
}

export async function noContent(response: Response) {
  expect(response.status).toBe(204);
}

export async function cookieOf(response: Response) {
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** A list answer: at least one row, each parsed with the schema. */
export const list = <S extends z.ZodType>(schema: S) => z.array(schema).min(1);

/** The query string react-admin's data provider sends for this list. */
export const queryOf = (resource: string, params: Parameters<typeof listUrl>[1]) =>
  listUrl(resource, params).slice(`/api/${resource}`.length);
