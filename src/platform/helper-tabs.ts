import type { RequestMap } from '../core/protocol';
import { ext as browser } from './ext';
import { type Handlers, sendToRuntime } from './messaging';
import { fromExtensionPage, mayReach } from './senders';

/**
 * The helper popped out into a tab ("Open in a tab", and the popup's import), aimed at the tab
 * it came from. The aim is not in the tab's address: the helper page is web-accessible (for the
 * in-page panel), so any web page can open it in a tab with any address it likes, and an address
 * naming a tab would let that page aim the helper at another tab. Instead the background opens
 * the tab itself and remembers, per ticket (a random id in the address), which tab it aims at and
 * which tab it opened; only that tab gets the answer, also after a reload.
 */

const HELPER_PAGE = 'src/helper/index.html';
const TICKET_PARAM = 'popout';
const STORE_KEY = 'helperTabs';
/** Tickets of closed tabs are not worth tracking; the newest few are kept. */
const KEPT_TICKETS = 50;

type View = NonNullable<RequestMap['openHelperTab']['req']['view']>;
const VIEW_QUERY: Record<View, string> = { import: 'team=import' };

interface Aim {
  target: number;
  helperTab: number;
}

/** Helper side: opens the helper in a tab aimed at `tabId` (or at nothing), showing `view`. */
export async function openHelperTab(tabId: number | undefined, view?: View): Promise<void> {
  await sendToRuntime('openHelperTab', {
    ...(tabId === undefined ? {} : { tabId }),
    ...(view ? { view } : {}),
  });
}

/** Helper side: the ticket in this page's address, when it has one. */
export const ticketIn = (search: string): string | undefined =>
  new URLSearchParams(search).get(TICKET_PARAM) ?? undefined;

/** Helper side: the tab this popped-out helper is aimed at; undefined for a ticket not its own. */
export async function helperTabTarget(ticket: string): Promise<number | undefined> {
  return (await sendToRuntime('helperTabTarget', { ticket }))?.tabId;
}

// Session storage: the service worker sleeps between events, and tickets must outlive that
// (and nothing else: a browser restart closes the tabs they belong to). Local storage stands in
// on browsers older than session storage (Chrome 102, Firefox 115); at most 50 tickets are kept.
const area = () => browser.storage.session ?? browser.storage.local;
async function readAims(): Promise<Record<string, Aim>> {
  const stored = (await area().get(STORE_KEY))[STORE_KEY];
  return stored && typeof stored === 'object' ? (stored as Record<string, Aim>) : {};
}

/** Tabs being opened, by ticket: the new tab may ask before its aim is stored. */
const opening = new Map<string, Promise<unknown>>();

/** Background side. */
export const helperTabHandlers: Pick<Handlers, 'openHelperTab' | 'helperTabTarget'> = {
  async openHelperTab(data, sender) {
    if (!fromExtensionPage(sender)) return undefined;
    const tabId = data?.tabId;
    if (tabId !== undefined && !Number.isInteger(tabId)) return undefined;
    // A framed helper (the panel, or a frame a page planted) may only pop out its own tab.
    if (!mayReach(sender, tabId ?? Number.NaN)) return undefined;
    const view = data?.view && Object.hasOwn(VIEW_QUERY, data.view) ? data.view : undefined;
    const ticket = crypto.randomUUID();
    const query = [view && VIEW_QUERY[view], tabId !== undefined && `${TICKET_PARAM}=${ticket}`]
      .filter(Boolean)
      .join('&');
    const url = browser.runtime.getURL(`${HELPER_PAGE}${query ? `?${query}` : ''}`);
    const stored = browser.tabs.create({ url }).then(async (created) => {
      if (tabId === undefined || created.id === undefined) return;
      const aims = Object.entries(await readAims()).slice(-(KEPT_TICKETS - 1));
      const aim: Aim = { target: tabId, helperTab: created.id };
      await area().set({ [STORE_KEY]: Object.fromEntries([...aims, [ticket, aim]]) });
    });
    opening.set(ticket, stored);
    try {
      await stored;
    } finally {
      opening.delete(ticket);
    }
    return undefined;
  },
  async helperTabTarget(data, sender) {
    if (typeof data?.ticket !== 'string') return {};
    await opening.get(data.ticket)?.catch(() => {});
    const aim = (await readAims())[data.ticket];
    const own =
      aim !== undefined &&
      fromExtensionPage(sender) &&
      sender.frameId === 0 &&
      sender.tab?.id === aim.helperTab;
    return own ? { tabId: aim.target } : {};
  },
};
