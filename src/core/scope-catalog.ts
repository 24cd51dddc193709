import {
  categoryKey,
  type Endpoint,
  endpointKey,
  isEndpoint,
  type Method,
  type OfferedCategory,
  type OfferedEndpoint,
  type Scope,
  type ScopeCatalog,
} from './scopes';

/**
 * "Drift": what a preset asks for that the page does not offer, and how a page's list changed
 * since it was last seen. impact.com does not publish its scope list, and it can change or differ
 * per account, so before a run (and after the page's list has been read) the helper names each
 * missing grant instead of letting the driver fail halfway.
 */

/** One grant the page lacks: a whole method of a category, or (with `path`) a pinned endpoint. */
export interface MissingGrant {
  category: string;
  method: Method;
  path?: string;
}

export const byCategory = (catalog: ScopeCatalog): Map<string, OfferedCategory> => {
  const map = new Map<string, OfferedCategory>();
  for (const c of catalog)
    if (!map.has(categoryKey(c.category))) map.set(categoryKey(c.category), c);
  return map;
};

/**
 * The path the catalog (`known`: one category of it) writes for an endpoint a page shows: for a
 * row with a path, the catalog's spelling of the same path (`{accountSid}` is `{AccountSID}`);
 * for a row with only a summary, the path of the one endpoint with that method and summary.
 * Undefined where the catalog names no such endpoint, or several.
 */
export const catalogPath = (
  shown: OfferedEndpoint,
  known: OfferedCategory | undefined,
): string | undefined => {
  const hits =
    known?.endpoints.filter(
      (k) =>
        k.path !== undefined &&
        (shown.path !== undefined
          ? isEndpoint(k, { method: shown.method, path: shown.path })
          : isEndpoint(shown, { method: k.method, path: k.path, summary: k.summary })),
    ) ?? [];
  return hits.length === 1 ? hits[0]?.path : undefined;
};

/** The summary the catalog gives a pinned endpoint, if it lists it. */
const catalogSummary = (endpoint: Endpoint, known: OfferedCategory | undefined) =>
  known?.endpoints.find((e) => e.path && isEndpoint(e, endpoint))?.summary;

/**
 * Every grant of `wanted` that `offered` lacks, in the preset's order: a method grant whose
 * method the category has no endpoint (or checkbox) for, and a pinned endpoint the category does
 * not list. A category the page does not show at all contributes all its grants. On the page
 * shape with one checkbox per method, no endpoint can be pinned, so each pinned one is missing.
 * `summaries` (e.g. the public catalog) lets a path be matched on a page that shows summaries.
 */
export const scopeDrift = (
  wanted: readonly Scope[],
  offered: ScopeCatalog,
  summaries?: ScopeCatalog,
): MissingGrant[] => {
  const offeredBy = byCategory(offered);
  const summaryBy = byCategory(summaries ?? []);
  const seen = new Set<string>();
  const drift: MissingGrant[] = [];
  const add = (grant: MissingGrant) => {
    const key = `${categoryKey(grant.category)} ${grant.path ? endpointKey(grant as Endpoint) : grant.method}`;
    if (seen.has(key)) return;
    seen.add(key);
    drift.push(grant);
  };
  for (const scope of wanted) {
    const available = offeredBy.get(categoryKey(scope.category));
    if (available?.unseen) continue; // listed, never seen on: nothing known to be missing
    for (const method of scope.methods)
      if (!available?.methods.includes(method)) add({ category: scope.category, method });
    for (const endpoint of scope.endpoints) {
      const summary =
        endpoint.summary ?? catalogSummary(endpoint, summaryBy.get(categoryKey(scope.category)));
      const want = summary ? { ...endpoint, summary } : endpoint;
      if (!available?.endpoints.some((e) => isEndpoint(e, want)))
        add({ category: scope.category, method: endpoint.method, path: endpoint.path });
    }
  }
  return drift;
};

/** How a category's list changed between two sightings of a page. */
export interface CatalogChange {
  category: string;
  /** The whole category appeared or vanished; otherwise only some endpoints (or methods) did. */
  whole?: 'appeared' | 'vanished';
  appeared: OfferedEndpoint[];
  vanished: OfferedEndpoint[];
}

const shownKey = (e: OfferedEndpoint) =>
  e.path !== undefined ? endpointKey(e as Endpoint) : `${e.method} ~${e.summary ?? ''}`;

/** Endpoints as a comparable list; a per-method page lists one pseudo-endpoint per method. */
const entries = (c: OfferedCategory): OfferedEndpoint[] =>
  c.endpoints.length ? c.endpoints : c.methods.map((method) => ({ method }));

/** What appeared or vanished from `before` to `after`, per category, in `after`'s order. */
export const catalogChanges = (before: ScopeCatalog, after: ScopeCatalog): CatalogChange[] => {
  const old = byCategory(before);
  const now = byCategory(after);
  const changes: CatalogChange[] = [];
  for (const [key, c] of now) {
    const was = old.get(key);
    if (!was) {
      changes.push({ category: c.category, whole: 'appeared', appeared: entries(c), vanished: [] });
      continue;
    }
    const wasKeys = new Set(entries(was).map(shownKey));
    const nowKeys = new Set(entries(c).map(shownKey));
    const appeared = entries(c).filter((e) => !wasKeys.has(shownKey(e)));
    const vanished = entries(was).filter((e) => !nowKeys.has(shownKey(e)));
    if (appeared.length || vanished.length)
      changes.push({ category: c.category, appeared, vanished });
  }
  for (const [key, c] of old)
    if (!now.has(key))
      changes.push({ category: c.category, whole: 'vanished', appeared: [], vanished: entries(c) });
  return changes;
};

/**
 * Puts the catalog's summaries to a request's pinned endpoints, so the driver can also find them
 * on a page that shows summaries without paths.
 */
export const withSummaries = (scopes: readonly Scope[], catalog: ScopeCatalog): Scope[] => {
  const by = byCategory(catalog);
  return scopes.map((scope) => ({
    ...scope,
    endpoints: scope.endpoints.map((endpoint) => {
      const summary = catalogSummary(endpoint, by.get(categoryKey(scope.category)));
      return summary && !endpoint.summary ? { ...endpoint, summary } : endpoint;
    }),
  }));
};
