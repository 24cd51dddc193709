import type { Runtime } from 'webextension-polyfill';
import { RUN_PORT, type RunOut } from '../core/protocol';
import { ext as browser } from './ext';
import { hasTabsApi, relayRunPort } from './tab-relay';

/**
 * The run port (RUN_PORT): the helper opens it to one tab's content script, posts `start`, hears
 * `progress` and `done`. Disconnecting cancels the run, so closing the popup stops it too.
 */

export interface RunConnection {
  /** Sends the start message; `request` is a fully expanded TokenRequest. */
  start(request: unknown): void;
  /** Asks the page to stop, then closes the port. */
  cancel(): void;
  /** Closes the port (cancels a run still going). */
  close(): void;
}

export interface RunListeners {
  onMessage(message: RunOut): void;
  /** The port closed before `done` (tab closed, navigated away, content script gone). */
  onLost(): void;
}

export function connectRun(tabId: number, listeners: RunListeners): RunConnection {
  const port = hasTabsApi() ? browser.tabs.connect(tabId, { name: RUN_PORT }) : relayRunPort(tabId);
  let open = true;
  port.onMessage.addListener((message: unknown) => listeners.onMessage(message as RunOut));
  port.onDisconnect.addListener(() => {
    if (!open) return;
    open = false;
    listeners.onLost();
  });
  const close = () => {
    if (!open) return;
    open = false;
    port.disconnect();
  };
  return {
    start: (request) => port.postMessage({ type: 'start', request }),
    cancel() {
      if (!open) return;
      try {
        port.postMessage({ type: 'cancel' });
      } catch {
        // Already gone: nothing left to cancel.
      }
      close();
    },
    close,
  };
}

/** Content side: accept run ports. The handler validates what it receives (RunInSchema). */
export function onRunConnect(handler: (port: Runtime.Port) => void): () => void {
  const listener = (port: Runtime.Port) => {
    if (port.name === RUN_PORT) handler(port);
  };
  browser.runtime.onConnect.addListener(listener);
  return () => browser.runtime.onConnect.removeListener(listener);
}
