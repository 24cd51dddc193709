import { watchForApiPage } from '../page/detect';
import { readPageInfo } from '../page/page-info';
import { sendToRuntime } from '../platform/messaging';
import { readOpenAutomatically } from '../platform/settings';
import { mountLauncher, unmountLauncher } from './launcher';
import { servePageRequests } from './page-requests';
import { serveRunPorts } from './run-port';

/**
 * Content script entry. It runs on every impact.com page load, so start-up only registers
 * listeners; detection decides whether anything else happens. Safe to run twice in one world.
 */
const STARTED = Symbol.for('impact-token-helper.content');
const world = globalThis as { [STARTED]?: true };

if (!world[STARTED]) {
  world[STARTED] = true;
  servePageRequests();
  serveRunPorts();
  watchForApiPage(new AbortController().signal, async (detected) => {
    // The badge is a convenience; a background that is restarting must not block the launcher.
    sendToRuntime('pageDetected', { info: readPageInfo() }).catch(() => {});
    if (detected) mountLauncher({ autoOpen: await readOpenAutomatically() });
    else unmountLauncher();
  });
}
