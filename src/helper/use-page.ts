import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PageInfo } from '../core/protocol';
import type { ScopeCatalog } from '../core/scopes';
import { guardPanel } from './panel-guard';
import { findTarget, readPageInfo, type Target, watchForDetection } from './target';

export interface PageView {
  /** undefined until the helper knows which tab it works on. */
  target?: Target;
  page?: PageInfo;
  /**
   * The API version the page's scope list was seen under: a run's requested one after a run (its
   * `offered`), else undefined, meaning the page's newest (the wizard's default).
   */
  seenUnder?: string;
  /** A run finished and reported what the scope step offered, under `version`. */
  mergeOffered(scopes: ScopeCatalog, version: string | undefined): void;
}

/**
 * Which tab the helper works on and what its page is, kept current: re-read when the person
 * comes back to the helper, and watched while the page is still loading.
 */
export function usePage(search: string): PageView {
  const [target, setTarget] = useState<Target>();
  const [page, setPage] = useState<PageInfo>();
  const [seenUnder, setSeenUnder] = useState<string>();
  const live = useRef(true);

  const showPage = useCallback((info: PageInfo) => {
    setSeenUnder(undefined);
    setPage(info);
  }, []);
  const mergeOffered = useCallback((scopes: ScopeCatalog, version: string | undefined) => {
    setSeenUnder(version);
    setPage((p) => ({ ...(p ?? { detected: true }), scopes }));
  }, []);

  useEffect(() => {
    live.current = true;
    void (async () => {
      const found = await findTarget(search);
      const info = await readPageInfo(found.tabId);
      if (!live.current) return;
      guardPanel(found);
      setTarget(found);
      showPage(info);
    })();
    return () => {
      live.current = false;
    };
  }, [search, showPage]);

  // The panel stays open while the person works in the page: re-read it when they come back.
  useEffect(() => {
    if (target?.tabId === undefined) return;
    const refresh = () => void readPageInfo(target.tabId).then(showPage);
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [target?.tabId, showPage]);

  // Opened over a page that is still loading: show it once its content script has recognised it.
  const notDetectedYet = page !== undefined && !page.detected;
  useEffect(() => {
    if (!notDetectedYet || target?.tabId === undefined) return;
    const tabId = target.tabId;
    return watchForDetection(() => readPageInfo(tabId), showPage);
  }, [notDetectedYet, target?.tabId, showPage]);

  return { target, page, seenUnder, mergeOffered };
}
