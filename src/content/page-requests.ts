import { readPageInfo } from '../page/page-info';
import { handleMessages } from '../platform/messaging';
import { loadDriver } from './load-driver';

/**
 * One-shot requests the helper sends this page: what it is (getPageInfo) and what the open wizard
 * holds (captureSelection, for "Save page selection as preset"), and the outline of a stopped run
 * (pageReport, src/page/page-report.ts). None ever includes a secret.
 */
export const servePageRequests = (): (() => void) =>
  handleMessages({
    getPageInfo: () => readPageInfo(),
    // Capture walks the wizard's steps; a page that stops answering must not hang the helper.
    captureSelection: async () =>
      (await loadDriver()).captureSelection(AbortSignal.timeout(30_000)),
    // No run has happened while the driver is not loaded: nothing to report but the page.
    pageReport: async () => (await loadDriver()).pageReport(),
  });
