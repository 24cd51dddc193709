import { z } from 'zod';
import type { AccountKind } from '../core/protocol';
import { type Scope, ScopeSchema } from '../core/scopes';
import { ext as browser } from './ext';

/**
 * The scopes impact.com offered, as last seen, per account kind. impact.com does not publish its
 * scope list, so the wizard itself is the source: whenever the helper learns what a page offers
 * (its page info, or a run's `offered`), the list is kept here, and presets can be checked for
 * drift even while the wizard is closed.
 *
 *   storage.local  catalog:partner, catalog:brand   { scopes: Scope[], seenAt: ISO time }
 */

export const ACCOUNT_KINDS: readonly AccountKind[] = ['partner', 'brand'];
export const catalogKey = (kind: AccountKind): string => `catalog:${kind}`;

const StoredCatalogSchema = z.object({
  scopes: z.array(ScopeSchema).min(1).max(500),
  seenAt: z.iso.datetime(),
});
export type StoredCatalog = z.output<typeof StoredCatalogSchema>;
export type Catalogs = Partial<Record<AccountKind, StoredCatalog>>;

export async function loadCatalogs(): Promise<Catalogs> {
  const items = await browser.storage.local.get(ACCOUNT_KINDS.map(catalogKey));
  const catalogs: Catalogs = {};
  for (const kind of ACCOUNT_KINDS) {
    // A damaged catalog is only a cache of what the page showed: ignored, and replaced next time.
    const parsed = StoredCatalogSchema.safeParse(items[catalogKey(kind)]);
    if (parsed.success) catalogs[kind] = parsed.data;
  }
  return catalogs;
}

const sameScopes = (a: readonly Scope[], b: readonly Scope[]) =>
  JSON.stringify(a) === JSON.stringify(b);

/** Keeps what a page of `kind` offers. Writes only when the list changed; true when it did. */
export async function saveCatalog(
  kind: AccountKind,
  scopes: readonly Scope[],
  now: Date = new Date(),
): Promise<boolean> {
  const parsed = StoredCatalogSchema.safeParse({ scopes, seenAt: now.toISOString() });
  if (!parsed.success) return false;
  const current = (await loadCatalogs())[kind];
  if (current && sameScopes(current.scopes, parsed.data.scopes)) return false;
  await browser.storage.local.set({ [catalogKey(kind)]: parsed.data });
  return true;
}

export function watchCatalogs(onChange: () => void): () => void {
  const keys = ACCOUNT_KINDS.map(catalogKey);
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'local' && keys.some((key) => key in changes)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
