import type { PageInfo } from '../core/protocol';
import { helperTabTarget, ticketIn } from '../platform/helper-tabs';
import { sendToRuntime, sendToTab } from '../platform/messaging';
import { activeTabId } from '../platform/runtime';

/**
 * Which tab the helper works on. The one helper page runs in three places:
 *   ?popout=<ticket>  popped out into its own tab, aimed at the tab it was opened from: the
 *                     background opened it and answers which tab (platform/helper-tabs.ts)
 *   in a frame        the in-page panel: the background answers whoAmI with the frame's own tab
 *   (neither)         the toolbar popup: the active tab of the current window
 *
 * No address names a tab: the helper page is web-accessible, so a page can open it, in a frame
 * or a tab, with any address, and such a helper must not act on another tab.
 */
export interface Target {
  tabId?: number;
  embedded: boolean;
  /** The in-page panel's key from the content script (launcher.ts); absent in a planted frame. */
  panelKey?: string;
  /** Popped out into a tab of its own ("Open in a tab" is not offered again there). */
  poppedOut?: boolean;
}

const isFramed = (): boolean => {
  try {
    return window.top !== window.self;
  } catch {
    return true;
  }
};

export async function findTarget(search: string, framed = isFramed()): Promise<Target> {
  const params = new URLSearchParams(search);
  const embedded = framed || params.get('embedded') === '1';
  const ticket = embedded ? undefined : ticketIn(search);
  try {
    if (ticket) return { tabId: await helperTabTarget(ticket), embedded, poppedOut: true };
    if (embedded) {
      const key = params.get('panel');
      const tabId = (await sendToRuntime('whoAmI', undefined))?.tabId;
      return { tabId, embedded, ...(key ? { panelKey: key } : {}) };
    }
    return { tabId: await activeTabId(), embedded };
  } catch {
    return { embedded, ...(ticket ? { poppedOut: true } : {}) };
  }
}

const NOT_DETECTED: PageInfo = { detected: false };

/** Asks the tab's content script; no content script (any other site) means "not detected". */
export async function readPageInfo(tabId: number | undefined): Promise<PageInfo> {
  if (tabId === undefined) return NOT_DETECTED;
  try {
    const info = await sendToTab(tabId, 'getPageInfo', undefined);
    return info && typeof info === 'object' && typeof info.detected === 'boolean'
      ? info
      : NOT_DETECTED;
  } catch {
    return NOT_DETECTED;
  }
}

/**
 * Waits for a page that is not detected yet. The popup can open while the page is still loading,
 * before its content script has recognised it; without this the helper would say "not the API
 * page" until reopened. Re-reads at growing intervals (about 14 s in all) and stops at the first
 * detection, at `stop()`, or when the intervals run out.
 */
export function watchForDetection(
  read: () => Promise<PageInfo>,
  onDetected: (info: PageInfo) => void,
  delaysMs: readonly number[] = [250, 500, 1000, 2000, 4000, 6000],
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const next = (i: number) => {
    if (stopped || i >= delaysMs.length) return;
    timer = setTimeout(async () => {
      const info = await read();
      if (stopped) return;
      if (info.detected) onDetected(info);
      else next(i + 1);
    }, delaysMs[i]);
  };
  next(0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** impact.com's API pages (shared/reference/impact-api-token-wizard.md). */
export const API_PAGES = {
  partner: 'https://app.impact.com/secure/mediapartner/accountSettings/mp-wsapi-flow.ihtml',
  brand:
    'https://app.impact.com/secure/advertiser/accountSettings/techintegration/adv-wsapi-table-flow.ihtml',
} as const;
