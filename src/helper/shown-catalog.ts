import type { AccountKind, PageInfo } from '../core/protocol';
import { publicCatalog } from '../core/public-catalog';
import { type CatalogChange, catalogPath } from '../core/scope-catalog';
import {
  categoryKey,
  METHODS,
  type OfferedCategory,
  type OfferedEndpoint,
  type ScopeCatalog,
} from '../core/scopes';
import { type Catalogs, catalogFor } from '../platform/catalog';

/**
 * Which scope list the helper shows and checks presets against: the open page's own (its page
 * info, or what the last run saw), else what a page of this kind and API version showed before
 * (src/platform/catalog.ts), else the public catalog for the kind (partner when unknown).
 */
export type CatalogSource = 'page' | 'seen' | 'public';

export interface ShownCatalog {
  catalog: ScopeCatalog;
  source: CatalogSource;
  kind: AccountKind;
  /** The version of the stored sighting used, and how it changed from the sighting before it. */
  version?: string;
  changes?: CatalogChange[];
}

/** A form version ("latest" or "15") as the API version it means on this page, if known. */
export const resolvedVersion = (version: string, page?: PageInfo): string | undefined =>
  version === 'latest' ? page?.versions?.[0] : version;

const byKey = (catalog: ScopeCatalog | undefined) =>
  new Map(catalog?.map((c) => [categoryKey(c.category), c]));

/**
 * Endpoints as presets name them: a row the page shows by summary only gets its path from the
 * public catalog where exactly one endpoint has that method and summary, and a path the page
 * spells differently (`{accountSid}`) takes the catalog's spelling (`{AccountSID}`), so a pinned
 * endpoint reads the same whichever page it was picked on. Others stay as the page shows them.
 */
const named = (c: OfferedCategory, known: OfferedCategory | undefined): OfferedCategory =>
  known
    ? {
        ...c,
        endpoints: c.endpoints.map((e): OfferedEndpoint => {
          const path = catalogPath(e, known);
          return path === undefined || path === e.path ? e : { ...e, path };
        }),
      }
    : c;

/**
 * The page's list, completed: a category the page named but was never seen switched on shows what
 * it offered before (or the public catalog's endpoints), still marked `unseen` so drift is not
 * reported on it, or, known by name alone, every method as a method grant; summary-only rows get
 * paths where the public catalog names them.
 */
export function completeCatalog(
  page: ScopeCatalog,
  before: ScopeCatalog | undefined,
  fallback: ScopeCatalog,
): ScopeCatalog {
  const seen = byKey(before);
  const known = byKey(fallback);
  return page.map((c) => {
    const key = categoryKey(c.category);
    if (!c.unseen) return named(c, known.get(key));
    const earlier = seen.get(key);
    const filler = earlier && !earlier.unseen ? earlier : known.get(key);
    // Known by name alone: every method may be asked for ("all GET" needs no endpoint list).
    return filler
      ? { ...named(filler, known.get(key)), category: c.category, unseen: true }
      : { ...c, methods: [...METHODS] };
  });
}

export function shownCatalog(
  page: PageInfo | undefined,
  catalogs: Catalogs,
  formVersion: string,
): ShownCatalog {
  const kind = page?.kind ?? 'partner';
  const fallback = publicCatalog(kind);
  const stored = catalogFor(catalogs, kind, resolvedVersion(formVersion, page));
  if (page?.scopes?.length)
    return {
      catalog: completeCatalog(page.scopes, stored?.catalog, fallback),
      source: 'page',
      kind,
      // Recording this sighting (use-catalogs.ts) stores how it differs from the one before.
      ...(stored?.changes ? { version: stored.version, changes: stored.changes } : {}),
    };
  if (stored)
    return {
      catalog: completeCatalog(stored.catalog, undefined, fallback),
      source: 'seen',
      kind,
      version: stored.version,
      ...(stored.changes ? { changes: stored.changes } : {}),
    };
  return { catalog: fallback, source: 'public', kind };
}
