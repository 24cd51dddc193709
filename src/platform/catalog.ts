import { z } from 'zod';
import type { AccountKind } from '../core/protocol';
import { type CatalogChange, catalogChanges } from '../core/scope-catalog';
import {
  categoryKey,
  EndpointPathSchema,
  MethodSchema,
  type OfferedCategory,
  SCOPE_LIMITS,
  type ScopeCatalog,
} from '../core/scopes';
import { ext as browser } from './ext';

/**
 * What impact.com's scopes step offered, as last seen, per account kind and API version. The
 * wizard is the source (the public catalog is only the published documents), so whenever the
 * helper learns what a page offers (its page info, or a run's `offered`), the list is kept here,
 * and presets can be checked for drift while the wizard is closed.
 *
 *   storage.local  catalog:<kind>:<version>  { catalog: ScopeCatalog, seenAt, changes? }
 *
 * The version is the one the list was seen under: a run's requested version, or the page's
 * newest version (the wizard's default) for what a person browsed (the helper's App decides,
 * src/helper/app.tsx `sighting`). `changes` is what differed from the sighting before, so the
 * helper can name endpoints that appeared or vanished. Items of the earlier layout
 * (`catalog:<kind>` holding `{scopes: [{category, methods}]}`) said nothing of endpoints or
 * versions: they are ignored and removed on the next save of that kind.
 */

export const ACCOUNT_KINDS: readonly AccountKind[] = ['partner', 'brand'];
const PREFIX = 'catalog:';
export const catalogKey = (kind: AccountKind, version: string): string =>
  `${PREFIX}${kind}:${version}`;
const legacyKey = (kind: AccountKind) => `${PREFIX}${kind}`;

const OfferedEndpointSchema = z.object({
  method: MethodSchema,
  path: EndpointPathSchema.optional(),
  summary: z.string().trim().min(1).max(SCOPE_LIMITS.summary).optional(),
});
const OfferedCategorySchema = z.object({
  category: z.string().trim().min(1).max(SCOPE_LIMITS.category),
  methods: z.array(MethodSchema).max(5),
  endpoints: z.array(OfferedEndpointSchema).max(SCOPE_LIMITS.endpoints),
  unseen: z.literal(true).optional(),
}) satisfies z.ZodType<OfferedCategory, unknown>;
const CatalogSchema = z.array(OfferedCategorySchema).min(1).max(200);
const ChangeSchema = z.object({
  category: z.string(),
  whole: z.enum(['appeared', 'vanished']).optional(),
  appeared: z.array(OfferedEndpointSchema),
  vanished: z.array(OfferedEndpointSchema),
}) satisfies z.ZodType<CatalogChange, unknown>;
const StoredCatalogSchema = z.object({
  catalog: CatalogSchema,
  seenAt: z.iso.datetime(),
  changes: z.array(ChangeSchema).max(200).optional(),
});

export interface KnownCatalog {
  kind: AccountKind;
  /** The API version the list was seen under, e.g. "16". */
  version: string;
  catalog: ScopeCatalog;
  seenAt: string;
  /** How it differed from the sighting before it; absent for the first one. */
  changes?: CatalogChange[];
}
/** Every catalog seen, newest sighting first. */
export type Catalogs = KnownCatalog[];

const parseKey = (key: string): { kind: AccountKind; version: string } | undefined => {
  const match = key.match(/^catalog:(partner|brand):([^:]+)$/);
  return match ? { kind: match[1] as AccountKind, version: match[2] as string } : undefined;
};

export async function loadCatalogs(): Promise<Catalogs> {
  const items = await browser.storage.local.get(null);
  const catalogs: Catalogs = [];
  for (const [key, value] of Object.entries(items)) {
    const id = parseKey(key);
    // A damaged catalog is only a cache of what the page showed: ignored, and replaced next time.
    const parsed = id && StoredCatalogSchema.safeParse(value);
    if (id && parsed?.success) catalogs.push({ ...id, ...parsed.data });
  }
  return catalogs.sort((a, b) => (a.seenAt < b.seenAt ? 1 : a.seenAt > b.seenAt ? -1 : 0));
}

/**
 * The catalog for a kind and version: that version's own sighting, else (version unknown or not
 * seen) the newest sighting of the kind.
 */
export function catalogFor(
  catalogs: Catalogs,
  kind: AccountKind,
  version?: string,
): KnownCatalog | undefined {
  const ofKind = catalogs.filter((c) => c.kind === kind);
  return ofKind.find((c) => c.version === version) ?? ofKind[0];
}

/**
 * A sighting names categories it never saw switched on (`unseen`): what they offered is kept from
 * the sighting before, so browsing one category does not forget the others.
 */
export function mergeSighting(before: ScopeCatalog | undefined, after: ScopeCatalog): ScopeCatalog {
  const old = new Map(before?.map((c) => [categoryKey(c.category), c]));
  return after.map((c) => {
    const was = old.get(categoryKey(c.category));
    return c.unseen && was && !was.unseen ? was : c;
  });
}

/**
 * Keeps what a page of `kind` offered under `version`. Writes only when the list changed, with
 * what changed; true when it wrote.
 */
export async function saveCatalog(
  kind: AccountKind,
  version: string,
  catalog: ScopeCatalog,
  now: Date = new Date(),
): Promise<boolean> {
  const key = catalogKey(kind, version);
  const stored = await browser.storage.local.get([key, legacyKey(kind)]);
  const previous = StoredCatalogSchema.safeParse(stored[key]);
  const before = previous.success ? previous.data.catalog : undefined;
  const parsed = CatalogSchema.safeParse(mergeSighting(before, catalog));
  if (!parsed.success) return false;
  if (legacyKey(kind) in stored) await browser.storage.local.remove(legacyKey(kind));
  if (before && JSON.stringify(before) === JSON.stringify(parsed.data)) return false;
  // A category seen on one side only: nothing is known to have appeared in it or vanished.
  const unseen = new Set(
    [...(before ?? []), ...parsed.data].filter((c) => c.unseen).map((c) => categoryKey(c.category)),
  );
  const changes = before
    ? catalogChanges(before, parsed.data).filter(
        (c) => c.whole || !unseen.has(categoryKey(c.category)),
      )
    : undefined;
  await browser.storage.local.set({
    [key]: {
      catalog: parsed.data,
      seenAt: now.toISOString(),
      ...(changes?.length ? { changes: changes.slice(0, 200) } : {}),
    },
  });
  return true;
}

export function watchCatalogs(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'local' && Object.keys(changes).some((key) => key.startsWith(PREFIX)))
      onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
