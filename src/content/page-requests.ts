import { captureSelection } from '../page/capture';
import { readPageInfo } from '../page/page-info';
import { pageReport } from '../page/page-report';
import { handleMessages } from '../platform/messaging';

/**
 * One-shot requests the helper sends this page: what it is (getPageInfo) and what the open wizard
 * holds (captureSelection, for "Save page selection as preset"), and the outline of a stopped run
 * (pageReport, src/page/page-report.ts). None ever includes a secret.
 */
export const servePageRequests = (): (() => void) =>
  handleMessages({
    getPageInfo: () => readPageInfo(),
    // Capture walks the wizard's steps; a page that stops answering must not hang the helper.
    captureSelection: () => captureSelection(AbortSignal.timeout(30_000)),
    pageReport,
  });
