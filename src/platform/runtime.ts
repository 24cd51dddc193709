import { ext as browser } from './ext';

/** The URL of a file packaged with the extension (e.g. the helper page for the in-page panel). */
export const extensionUrl = (path: string): string => browser.runtime.getURL(path);

/** The active tab of the current window (the toolbar popup's page). */
export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
