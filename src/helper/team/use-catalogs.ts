import { useEffect } from 'preact/hooks';
import type { AccountKind } from '../../core/protocol';
import type { ScopeCatalog } from '../../core/scopes';
import { type Catalogs, loadCatalogs, saveCatalog, watchCatalogs } from '../../platform/catalog';
import { useStored } from '../use-stored';

const NONE: Catalogs = [];

/** The scope catalogs last seen per account kind and API version, kept up to date. */
export function useCatalogs(): Catalogs {
  return useStored(loadCatalogs, watchCatalogs) ?? NONE;
}

/** What one page showed on its scopes step, and under which API version. */
export interface Sighting {
  kind: AccountKind;
  version: string;
  catalog: ScopeCatalog;
}

/**
 * Keeps a sighting (src/platform/catalog.ts). Only the helper's root calls it, so a page's offer
 * is written once.
 */
export function useRecordSighting(sighting: Sighting | undefined): void {
  useEffect(() => {
    if (!sighting?.catalog.length) return;
    // A cache of what the page showed: failing to keep it must not disturb the helper.
    void saveCatalog(sighting.kind, sighting.version, sighting.catalog).catch(() => {});
  }, [sighting]);
}
