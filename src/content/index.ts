import { isDetected, watchForApiPage } from '../page/detect';
import { readPageInfo } from '../page/page-info';
import { sendToRuntime } from '../platform/messaging';
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
    // The background sets the badge and says whether the panel opens by itself; if it cannot
    // answer (restarting), the launcher stays closed.
    const answer = sendToRuntime('pageDetected', { info: readPageInfo() }).catch(() => undefined);
    if (!detected) return unmountLauncher();
    // The launcher comes at once, closed; the panel opens once the background says so (its
    // answer is a round trip to the service worker, which may be waking up).
    mountLauncher({ autoOpen: false });
    const autoOpen = (await answer)?.openAutomatically === true;
    // The page may have been left while the background answered.
    if (autoOpen && isDetected()) mountLauncher({ autoOpen });
  });
}
