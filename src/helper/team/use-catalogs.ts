import { useEffect } from 'preact/hooks';
import type { PageInfo } from '../../core/protocol';
import { type Catalogs, loadCatalogs, saveCatalog, watchCatalogs } from '../../platform/catalog';
import { useStored } from '../use-stored';

const NONE: Catalogs = {};

/**
 * The scope offers last seen per account kind. With `record`, what the open page offers (its page
 * info, or a run's `offered`, which the helper merges into the page info) is kept as well. Only one
 * component records, so a page's offer is written once.
 */
export function useCatalogs(page: PageInfo | undefined, record = false): Catalogs {
  const catalogs = useStored(loadCatalogs, watchCatalogs) ?? NONE;

  const kind = page?.kind;
  const scopes = page?.scopes;
  useEffect(() => {
    if (!record || !kind || !scopes?.length) return;
    // A cache of what the page showed: failing to keep it must not disturb the helper.
    void saveCatalog(kind, scopes).catch(() => {});
  }, [record, kind, scopes]);

  return catalogs;
}
