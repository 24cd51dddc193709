import { ext as browser } from './ext';
import { hasTabsApi, relayOpenTab } from './tab-relay';

/** The URL of a file packaged with the extension (e.g. the helper page for the in-page panel). */
export const extensionUrl = (path: string): string => browser.runtime.getURL(path);

/** Opens an extension page (or any URL) in a new tab. */
export async function openTab(url: string): Promise<void> {
  if (hasTabsApi()) await browser.tabs.create({ url });
  else await relayOpenTab(url);
}

/** The active tab of the current window (the toolbar popup's page). */
export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
