/**
 * The scope model without zod: the content script needs these values but must not bundle zod
 * (its budget is 10 KB gzipped), so the schemas live in scopes.ts and re-export this module.
 *
 * impact.com grants scoped tokens per API category and per endpoint (help centre, "Scoped Tokens:
 * Best Practices"; shared/reference/impact-api-token-wizard.md). A grant in one category is
 * either every endpoint of some methods ("Reports: all GET", what every preset before pinned
 * endpoints meant), or named endpoints, or both.
 */

/** HTTP methods in the order they are shown and stored. Brand API v14 has PATCH endpoints. */
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];

/** One endpoint, identified by method + path (`/Mediapartners/{AccountSID}/Actions`). */
export interface Endpoint {
  method: Method;
  path: string;
  /**
   * For display and for pages that show only the summary ("List Actions"); never part of the
   * identity. Presets do not store it: the helper adds it from the catalog when it builds a run.
   */
  summary?: string;
}

/** What one category grants: every endpoint of `methods`, plus `endpoints` pinned one by one. */
export interface Scope {
  category: string;
  methods: Method[];
  endpoints: Endpoint[];
}

/**
 * What a page (or the public catalog) offers in one category. `endpoints` is empty on the older
 * page shape that shows one checkbox per method; an endpoint row may show its path, its summary or
 * both, so either may be missing when read off a page.
 */
export interface OfferedEndpoint {
  method: Method;
  path?: string;
  summary?: string;
}
export interface OfferedCategory {
  category: string;
  /** Every method offered (on an endpoint page: the methods its endpoints have). */
  methods: Method[];
  endpoints: OfferedEndpoint[];
  /** The page named the category but it was never seen switched on: what it offers is unknown. */
  unseen?: true;
}
export type ScopeCatalog = OfferedCategory[];

/** Limits shared by the schemas (scopes.ts) and their zod-free twin (validate-request.ts). */
export const SCOPE_LIMITS = {
  category: 80,
  path: 300,
  summary: 200,
  /** Per category: Brand API v14's largest category has 10 endpoints; pages may show more. */
  endpoints: 500,
} as const;

export const methodIndex = (method: Method): number => METHODS.indexOf(method);

export const normalizeMethods = (methods: readonly Method[]): Method[] =>
  METHODS.filter((m) => methods.includes(m));

/**
 * How category names are compared with what the page shows: case and runs of whitespace do not
 * count (the page driver matches labels the same way, see src/page/README.md).
 */
export const categoryKey = (category: string): string =>
  category.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * How paths are compared: case and the spelling of placeholders do not count, so the page's
 * `{accountSid}` is the catalog's `{AccountSID}` (issue 10).
 */
export const pathKey = (path: string): string =>
  path
    .trim()
    .toLowerCase()
    .replace(/\{[^}]*\}/g, '{}');

export const endpointKey = (endpoint: { method: Method; path: string }): string =>
  `${endpoint.method} ${pathKey(endpoint.path)}`;

const summaryKey = (summary: string): string => summary.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Whether an offered endpoint is the wanted one: same method and same path, else (a page that
 * shows no path) same summary. Used by the driver on the page and by drift in the helper.
 */
export const isEndpoint = (offered: OfferedEndpoint, wanted: Endpoint): boolean =>
  offered.method === wanted.method &&
  (offered.path !== undefined
    ? pathKey(offered.path) === pathKey(wanted.path)
    : offered.summary !== undefined &&
      wanted.summary !== undefined &&
      summaryKey(offered.summary) === summaryKey(wanted.summary));

const byMethodThenPath = (a: Endpoint, b: Endpoint): number =>
  methodIndex(a.method) - methodIndex(b.method) ||
  (pathKey(a.path) < pathKey(b.path) ? -1 : pathKey(a.path) > pathKey(b.path) ? 1 : 0);

/**
 * Every method of a category whose endpoints in `offered` are all pinned, given at least one:
 * pinning all of them is the same access as granting the method, as of that catalog.
 */
const fullyPinnedMethods = (
  pinned: readonly Endpoint[],
  offered: OfferedCategory | undefined,
): Method[] => {
  if (!offered?.endpoints.length) return [];
  const keys = new Set(pinned.map(endpointKey));
  return METHODS.filter((method) => {
    const ofMethod = offered.endpoints.filter((e) => e.method === method);
    return (
      ofMethod.length > 0 &&
      ofMethod.every((e) => e.path !== undefined && keys.has(endpointKey(e as Endpoint)))
    );
  });
};

/**
 * One entry per category (first-seen order and spelling kept, because that is the order people
 * picked them in), methods merged in METHODS order, pinned endpoints de-duplicated (path spelling
 * aside) and sorted, and every pinned endpoint a method grant already covers absorbed into it.
 * With `catalog`, a method whose every offered endpoint is pinned becomes a method grant. Equal
 * access then compares equal, and a plan never visits a category twice.
 */
export const normalizeScopes = (scopes: readonly Scope[], catalog?: ScopeCatalog): Scope[] => {
  const byCategory = new Map<string, Scope>();
  for (const scope of scopes) {
    const key = categoryKey(scope.category);
    const entry = byCategory.get(key) ?? { category: scope.category, methods: [], endpoints: [] };
    entry.methods.push(...scope.methods);
    entry.endpoints.push(...scope.endpoints);
    byCategory.set(key, entry);
  }
  const offered = new Map(catalog?.map((c) => [categoryKey(c.category), c]));
  return [...byCategory].map(([key, entry]) => {
    const methods = normalizeMethods([
      ...entry.methods,
      ...fullyPinnedMethods(entry.endpoints, offered.get(key)),
    ]);
    const seen = new Set<string>();
    const endpoints = entry.endpoints
      .filter((e) => {
        const k = endpointKey(e);
        if (methods.includes(e.method) || seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .map((e) => ({
        method: e.method,
        path: e.path.trim(),
        ...(e.summary ? { summary: e.summary } : {}),
      }))
      .sort(byMethodThenPath);
    return { category: entry.category, methods, endpoints };
  });
};

/** Method grants and pinned endpoints counted one each: the size of a preset, as people see it. */
export const grantCount = (scopes: readonly Scope[]): number =>
  scopes.reduce((n, s) => n + s.methods.length + s.endpoints.length, 0);

/**
 * Human-readable grant labels, "Reports GET" for a method grant and "Actions GET /path" for a
 * pinned endpoint: for lists, diffs and the audit CSV. Never parsed back.
 */
export const grantLabels = (scopes: readonly Scope[]): string[] =>
  scopes.flatMap((s) => [
    ...normalizeMethods(s.methods).map((m) => `${s.category} ${m}`),
    ...s.endpoints.map((e) => `${s.category} ${e.method} ${e.path}`),
  ]);

/** A method-only scope, the shape every preset before pinned endpoints had. */
export const methodScope = (category: string, methods: Method[]): Scope => ({
  category,
  methods,
  endpoints: [],
});
