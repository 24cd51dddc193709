// Background entry: stays thin; routes messages and keeps the toolbar badge.
// Both first: the extension API (see polyfill.ts), and zod without eval (see zod-jitless.ts).
import '../platform/polyfill';
import '../core/zod-jitless';
import { showPageBadge } from '../platform/action';
import { recordCreatedToken } from '../platform/audit';
import { helperTabHandlers } from '../platform/helper-tabs';
import { onInstalledOrUpdated } from '../platform/lifecycle';
import { handleMessages } from '../platform/messaging';
import { readOpenAutomatically } from '../platform/settings';
import { migrateStoredPresets } from '../platform/storage';
import { serveTabRelay } from '../platform/tab-relay';

handleMessages({
  pageDetected(data, sender) {
    const tabId = sender.tab?.id;
    // Only a content script in a tab can report a page; anything else has no badge to set.
    if (tabId === undefined || typeof data?.info?.detected !== 'boolean') return undefined;
    // A badge that cannot be set (the tab just closed) must not keep the panel from opening.
    return Promise.all([
      showPageBadge(tabId, data.info).catch(() => {}),
      readOpenAutomatically(),
    ]).then(([, openAutomatically]) => ({ openAutomatically }));
  },
  // A run created a token: the audit log is written here, whatever became of the helper.
  tokenCreated: recordCreatedToken,
  // The in-page panel is an extension iframe: the browser tells us which tab it sits in.
  whoAmI: (_data, sender) => ({ tabId: sender.tab?.id }),
  // "Open in a tab": the background opens it and alone knows which tab it is aimed at.
  ...helperTabHandlers,
});

// Firefox's in-page panel has no tabs API: it reaches its tab's content script through here.
serveTabRelay();

// Stored presets are brought to the current format once, right after an install or update, so a
// helper opened later reads current data (it still migrates on read, for safety).
onInstalledOrUpdated(() => migrateStoredPresets());
