import { WRITE_METHODS } from '../core/least-privilege';
import type { MissingGrant } from '../core/scope-catalog';
import {
  categoryKey,
  type Endpoint,
  endpointKey,
  METHODS,
  type Method,
  normalizeMethods,
  normalizeScopes,
  type Scope,
  type ScopeCatalog,
} from '../core/scopes';

/**
 * The scope picker as data: which categories, method groups and endpoint rows it lists, what a
 * click on a method grant or an endpoint does to the form's scopes, the filter and the counts.
 * Pure, so every rule is tested without rendering; scope-picker.tsx only renders it.
 *
 * Every function is linear in what it looks at: the picker must stay quick with 500 endpoints.
 */

/** One endpoint row. `path` is missing for a row the page shows by summary only (not pinnable). */
export interface PickerEndpoint {
  /** Unique within the picker, for keys and element ids. */
  id: string;
  method: Method;
  path?: string;
  summary?: string;
  /** False for a pinned endpoint the list does not have (drift). */
  offered: boolean;
  /** Lower-case text the filter searches: path and summary. */
  text: string;
}

export interface MethodGroup {
  method: Method;
  endpoints: PickerEndpoint[];
}

export interface PickerCategory {
  key: string;
  category: string;
  groups: MethodGroup[];
  /** The page named it but it was never seen switched on: its endpoints are from elsewhere. */
  unseen?: boolean;
  /** Lower-case category name, for the filter. */
  text: string;
}

const endpointId = (category: string, method: Method, path?: string, summary?: string) =>
  `${category} ${path !== undefined ? endpointKey({ method, path }) : `${method} ~${summary ?? ''}`}`;

const endpointRow = (
  key: string,
  e: { method: Method; path?: string; summary?: string },
  offered: boolean,
): PickerEndpoint => ({
  id: endpointId(key, e.method, e.path, e.summary),
  method: e.method,
  ...(e.path !== undefined ? { path: e.path } : {}),
  ...(e.summary ? { summary: e.summary } : {}),
  offered,
  text: `${e.path ?? ''} ${e.summary ?? ''}`.toLowerCase(),
});

/** The rows of a catalog, one method group per method it offers, in METHODS order. */
export function pickerCategories(catalog: ScopeCatalog): PickerCategory[] {
  return catalog.map((c) => {
    const key = categoryKey(c.category);
    const methods = normalizeMethods([...c.methods, ...c.endpoints.map((e) => e.method)]);
    return {
      key,
      category: c.category,
      groups: methods.map((method) => ({
        method,
        endpoints: c.endpoints
          .filter((e) => e.method === method)
          .map((e) => endpointRow(key, e, true)),
      })),
      ...(c.unseen ? { unseen: true } : {}),
      text: c.category.toLowerCase(),
    };
  });
}

/**
 * The catalog's rows plus whatever `scopes` grant that the catalog lacks (a preset's category,
 * method or pinned endpoint the page does not show), so every grant has its checkbox. A category
 * whose grants all have rows keeps its row object, so the picker re-renders only what changed.
 */
export function withGranted(rows: PickerCategory[], scopes: readonly Scope[]): PickerCategory[] {
  const byKey = new Map(scopes.map((s) => [categoryKey(s.category), s]));
  const listed = new Set<string>();
  const out = rows.map((row) => {
    listed.add(row.key);
    const scope = byKey.get(row.key);
    return scope ? extend(row, scope) : row;
  });
  for (const scope of scopes) {
    const key = categoryKey(scope.category);
    if (listed.has(key)) continue;
    listed.add(key);
    out.push(extend({ key, category: scope.category, groups: [], text: key }, scope));
  }
  return out;
}

function extend(row: PickerCategory, scope: Scope): PickerCategory {
  const known = new Set(row.groups.flatMap((g) => g.endpoints.map((e) => e.id)));
  const extraMethods = scope.methods.filter((m) => !row.groups.some((g) => g.method === m));
  const extraEndpoints = scope.endpoints.filter(
    (e) => !known.has(endpointId(row.key, e.method, e.path)),
  );
  if (!extraMethods.length && !extraEndpoints.length) return row;
  const methods = normalizeMethods([
    ...row.groups.map((g) => g.method),
    ...extraMethods,
    ...extraEndpoints.map((e) => e.method),
  ]);
  return {
    ...row,
    groups: methods.map((method) => ({
      method,
      endpoints: [
        ...(row.groups.find((g) => g.method === method)?.endpoints ?? []),
        ...extraEndpoints
          .filter((e) => e.method === method)
          .map((e) => endpointRow(row.key, e, false)),
      ],
    })),
  };
}

/** The form's scope for a category, if it grants anything there. */
export const grantIn = (scopes: readonly Scope[], key: string): Scope | undefined =>
  scopes.find((s) => categoryKey(s.category) === key);

/** Pinned endpoint ids of one category's grant. */
export const pinnedIds = (row: PickerCategory, grant: Scope | undefined): Set<string> =>
  new Set(grant?.endpoints.map((e) => endpointId(row.key, e.method, e.path)) ?? []);

/** Whether an endpoint row shows as granted: by its method, or pinned. */
export const isGranted = (
  e: PickerEndpoint,
  grant: Scope | undefined,
  pinned: ReadonlySet<string>,
): boolean => !!grant?.methods.includes(e.method) || pinned.has(e.id);

/** Replaces (or drops, when it grants nothing) one category's scope; the others stay as they are. */
function replace(scopes: readonly Scope[], row: PickerCategory, next: Scope): Scope[] {
  const [normal] = normalizeScopes([next]);
  const empty = !normal || (!normal.methods.length && !normal.endpoints.length);
  const index = scopes.findIndex((s) => categoryKey(s.category) === row.key);
  if (index < 0) return empty || !normal ? [...scopes] : [...scopes, normal];
  const out = [...scopes];
  if (empty || !normal) out.splice(index, 1);
  else out[index] = normal;
  return out;
}

const current = (scopes: readonly Scope[], row: PickerCategory): Scope =>
  grantIn(scopes, row.key) ?? { category: row.category, methods: [], endpoints: [] };

const pinnable = (e: PickerEndpoint): e is PickerEndpoint & { path: string } =>
  e.offered && e.path !== undefined;

const asEndpoint = (e: PickerEndpoint & { path: string }): Endpoint => ({
  method: e.method,
  path: e.path,
});

/** Ticks or unticks a method grant ("Actions GET": every endpoint of GET in Actions). */
export function setMethodGrant(
  scopes: readonly Scope[],
  row: PickerCategory,
  method: Method,
  on: boolean,
): Scope[] {
  const scope = current(scopes, row);
  const methods = on ? [...scope.methods, method] : scope.methods.filter((m) => m !== method);
  // Pinned endpoints of the method are covered by the grant, and go with it when it is unticked.
  const endpoints = scope.endpoints.filter((e) => e.method !== method);
  return replace(scopes, row, { ...scope, methods, endpoints });
}

/**
 * Ticks or unticks one endpoint. Unticking one that its method grant covers turns the grant into
 * the method's other endpoints, pinned; ticking the last unpinned endpoint of a method turns the
 * pinned ones into the method grant (the same access, as normalizeScopes sees it).
 */
export function setEndpointGrant(
  scopes: readonly Scope[],
  row: PickerCategory,
  endpoint: PickerEndpoint,
  on: boolean,
): Scope[] {
  if (endpoint.path === undefined) return [...scopes];
  const scope = current(scopes, row);
  const group = row.groups.find((g) => g.method === endpoint.method);
  const offered = (group?.endpoints ?? []).filter(pinnable);
  const key = endpoint.id;
  if (!on) {
    if (scope.methods.includes(endpoint.method)) {
      const rest = offered.filter((e) => e.id !== key).map(asEndpoint);
      return replace(scopes, row, {
        ...scope,
        methods: scope.methods.filter((m) => m !== endpoint.method),
        endpoints: [...scope.endpoints, ...rest],
      });
    }
    const endpoints = scope.endpoints.filter((e) => endpointId(row.key, e.method, e.path) !== key);
    return replace(scopes, row, { ...scope, endpoints });
  }
  if (scope.methods.includes(endpoint.method)) return [...scopes];
  const endpoints = [...scope.endpoints, { method: endpoint.method, path: endpoint.path }];
  const pinned = new Set(endpoints.map((e) => endpointId(row.key, e.method, e.path)));
  const whole =
    offered.length > 0 &&
    offered.length === (group?.endpoints.length ?? 0) &&
    offered.every((e) => pinned.has(e.id));
  return whole
    ? setMethodGrant(replace(scopes, row, { ...scope, endpoints }), row, endpoint.method, true)
    : replace(scopes, row, { ...scope, endpoints });
}

/** "GET only": GET method grants and pinned GET endpoints stay, everything else goes. */
export const readOnlyScopes = (scopes: readonly Scope[]): Scope[] =>
  scopes
    .map((s) => ({
      category: s.category,
      methods: s.methods.filter((m) => m === 'GET'),
      endpoints: s.endpoints.filter((e) => e.method === 'GET'),
    }))
    .filter((s) => s.methods.length > 0 || s.endpoints.length > 0);

/** Granted of offered endpoints for one method; `total` 0 on a page with one box per method. */
export interface MethodCount {
  method: Method;
  granted: number;
  total: number;
  /** The method grant is on. */
  whole: boolean;
}

export function methodCounts(row: PickerCategory, grant: Scope | undefined): MethodCount[] {
  const pinned = pinnedIds(row, grant);
  return row.groups.map((g) => {
    const whole = !!grant?.methods.includes(g.method);
    const offered = g.endpoints.filter((e) => e.offered);
    return {
      method: g.method,
      whole,
      total: offered.length,
      granted: whole ? offered.length : offered.filter((e) => pinned.has(e.id)).length,
    };
  });
}

/** Least-privilege marks: the category's granted write method grants and write endpoints. */
export const isWrite = (method: Method): boolean => WRITE_METHODS.includes(method);

/**
 * Drift of one category as ids: `method:<METHOD>` for a method grant and the endpoint id for a
 * pinned endpoint the list lacks. A string, so a memoized row compares it cheaply.
 */
export function missingIn(drift: readonly MissingGrant[]): Map<string, string> {
  const map = new Map<string, string[]>();
  for (const g of drift) {
    const key = categoryKey(g.category);
    const id = g.path !== undefined ? endpointId(key, g.method, g.path) : `method:${g.method}`;
    map.set(key, [...(map.get(key) ?? []), id]);
  }
  return new Map([...map].map(([key, ids]) => [key, ids.join('\n')]));
}

/** What the filter box keeps of one category: which method groups, and which endpoints. */
export interface CategoryMatch {
  methods: ReadonlySet<Method>;
  /** Undefined: every endpoint of the kept groups. */
  endpoints?: ReadonlySet<string>;
}

const METHOD_WORDS = new Map(METHODS.map((m) => [m.toLowerCase(), m]));

/**
 * The filter: words separated by spaces, all of which must match. A method name ("GET", any case)
 * keeps that method's groups; other words are looked for in the category name, an endpoint's
 * path and its summary. Undefined when the filter is empty; categories that match nothing are
 * absent from the map.
 */
export function filterPicker(
  rows: readonly PickerCategory[],
  query: string,
): Map<string, CategoryMatch> | undefined {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return undefined;
  const methods = words.flatMap((w) =>
    METHOD_WORDS.has(w) ? [METHOD_WORDS.get(w) as Method] : [],
  );
  const texts = words.filter((w) => !METHOD_WORDS.has(w));
  const matches = new Map<string, CategoryMatch>();
  for (const row of rows) {
    const groups = row.groups.filter((g) => !methods.length || methods.includes(g.method));
    if (!groups.length) continue;
    // Words the category name has need not be in the endpoint's text too.
    const rest = texts.filter((w) => !row.text.includes(w));
    const kept = new Set(groups.map((g) => g.method));
    if (!rest.length) {
      matches.set(row.key, { methods: kept });
      continue;
    }
    const endpoints = new Set<string>();
    const withHits = new Set<Method>();
    for (const g of groups)
      for (const e of g.endpoints)
        if (rest.every((w) => e.text.includes(w))) {
          endpoints.add(e.id);
          withHits.add(g.method);
        }
    if (endpoints.size) matches.set(row.key, { methods: withHits, endpoints });
  }
  return matches;
}
