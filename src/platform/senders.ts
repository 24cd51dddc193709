import type { Runtime } from 'webextension-polyfill';
import { ext as browser } from './ext';

/**
 * Who may ask the background for what. Web pages and content scripts are never extension pages;
 * an extension page in a frame may be one a web page planted (the helper page is web-accessible).
 */

/** The sender is one of this extension's own pages (popup, helper tab, panel frame). */
export const fromExtensionPage = (sender: Runtime.MessageSender): boolean =>
  sender.id === browser.runtime.id &&
  typeof sender.url === 'string' &&
  sender.url.startsWith(browser.runtime.getURL(''));

/** A framed extension page may only reach its own tab; top-level pages (popup, tab) any. */
export const mayReach = (sender: Runtime.MessageSender, tabId: number): boolean =>
  !sender.tab || sender.frameId === 0 || sender.tab.id === tabId;
