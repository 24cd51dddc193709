import { ext as browser } from './ext';

/** Runs `task` when the extension is installed or updated (stored-state migrations). */
export function onInstalledOrUpdated(task: (reason: string) => unknown): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') void task(reason);
  });
}
